package dev.hookpoint.runtime.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default: one SQLite file, shared safely by the host's processes (the server and a {@code hooks}
 * command): write-ahead logging so readers never wait for the writer, a busy timeout so a writer waits for the other
 * instead of failing, and transactions that take the write lock when they begin, so two never deadlock.
 */
public final class SqliteStores {

  /** How long a write waits for another process's before it fails. */
  public static final int BUSY_TIMEOUT_MS = 5_000;

  private SqliteStores() {}

  /**
   * A data source on {@code file}, created (with its directory) on first use.
   *
   * @throws StoreException when the directory cannot be created
   */
  public static DataSource dataSource(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw StoreException.unwritable(absolute.toString(), "cannot create its directory: " + e, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + absolute);
    return dataSource;
  }
}
