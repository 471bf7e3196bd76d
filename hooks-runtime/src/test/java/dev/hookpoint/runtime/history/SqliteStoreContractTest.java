package dev.hookpoint.runtime.history;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The stores' contract on a SQLite file of its own per test, the embedded default. */
class SqliteStoreContractTest extends StoreContract {

  @TempDir Path dir;
  private Path file;
  private DataSource database;

  @BeforeEach
  void create() {
    file = dir.resolve("hooks.db");
    database = SqliteStores.dataSource(file);
  }

  @Override
  DataSource database() {
    return database;
  }

  @Override
  String where() {
    return file.toString();
  }
}
