package dev.hookpoint.runtime.history;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One connection per piece of work, from the host's data source; failures become {@link StoreException}s. */
final class JdbcAccess {

  /** Work done with a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final String where;

  JdbcAccess(DataSource dataSource, String where) {
    this.dataSource = dataSource;
    this.where = where;
  }

  <T> T run(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw StoreException.of(where, e);
    }
  }

  /** Runs work in one transaction: all of it is written, or none (the connection is closed after it anyway). */
  <T> T transaction(Work<T> work) {
    return run(connection -> {
      connection.setAutoCommit(false);
      boolean committed = false;
      try {
        T result = work.run(connection);
        connection.commit();
        committed = true;
        return result;
      } finally {
        if (!committed) {
          connection.rollback();
        }
      }
    });
  }
}
