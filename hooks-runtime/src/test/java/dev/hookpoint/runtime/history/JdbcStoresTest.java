package dev.hookpoint.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is SQLite's own about the JDBC stores: the file, what they refuse, and how they say what is wrong. What they
 * keep is {@link StoreContract}'s, on SQLite and PostgreSQL alike.
 */
class JdbcStoresTest {

  @TempDir Path dir;

  @Test
  void theFileIsSharedInWriteAheadLogModeAndTheStoresSayTheyLast() throws Exception {
    Path file = dir.resolve("hooks.db");
    DataSource dataSource = SqliteStores.dataSource(file);
    JdbcHookStateStore store = new JdbcHookStateStore(dataSource, file.toString());
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
      assertEquals("wal", rows.getString(1), "two processes share the file");
    }
    assertTrue(store.persistent());
    assertFalse(new InMemoryHookStateStore().persistent());
  }

  private static StoreException refused(Path file) {
    return assertThrows(StoreException.class,
        () -> new JdbcHookStateStore(SqliteStores.dataSource(file), file.toString()));
  }

  @Test
  void aCorruptFileIsACategorizedErrorNamingTheFileAndTheFix() throws Exception {
    Path file = Files.writeString(dir.resolve("hooks.db"), "this is not a database, but it is long enough to be "
        + "read as a header by SQLite, which wants at least a hundred bytes before it says so........");
    StoreException error = refused(file);
    assertEquals("corrupt", error.category());
    assertTrue(error.getMessage().startsWith("[hookpoint:store-corrupt] " + file + " is not a usable database"),
        error.getMessage());
    assertTrue(error.getMessage().contains("move it away"), error.getMessage());
  }

  @Test
  void aPlaceThatCannotBeWrittenIsACategorizedErrorNamingTheFile() throws Exception {
    // Under a regular file: no user, not even root, can create it.
    Path file = Files.writeString(dir.resolve("plain"), "x").resolve("hooks.db");
    StoreException error = refused(file);
    assertEquals("unwritable", error.category());
    assertTrue(error.getMessage().startsWith("[hookpoint:store-unwritable] cannot write " + file), error.getMessage());
    assertTrue(error.getMessage().contains("store.path"), error.getMessage());
  }
}
