package dev.hookpoint.sample.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's SQLite database: one connection, shared and serialised (SQLite allows one writer anyway), migrated to
 * the latest schema on open. Every change runs in a transaction, so a failed step writes nothing.
 */
public final class Database implements AutoCloseable {

  /** Work done inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Connection connection;

  private Database(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating it and its directory if needed) and migrates the database file. */
  public static Database open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode = WAL");
        statement.execute("PRAGMA foreign_keys = ON");
        statement.execute("PRAGMA busy_timeout = 5000");
      }
      Database database = new Database(connection);
      Migrations.apply(database);
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database directory for " + file, e);
    } catch (SQLException e) {
      throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs work in one transaction: all of it is written, or none. */
  public synchronized <T> T transaction(Work<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  /** Reads one row into a value. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Every row {@code sql} selects, with {@code parameters} bound in order, each read by {@code reader}. */
  public <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
    return read(connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          select.setObject(i + 1, parameters[i]);
        }
        try (ResultSet rows = select.executeQuery()) {
          List<T> values = new ArrayList<>();
          while (rows.next()) {
            values.add(reader.read(rows));
          }
          return values;
        }
      }
    });
  }

  /** Reads without a transaction. */
  public synchronized <T> T read(Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  /** The id SQLite gave the last inserted row. */
  static long lastId(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT last_insert_rowid()");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }
}
