package dev.hookpoint.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC stores on real SQLite files: what they keep, what they refuse, and how they say what is wrong. */
class JdbcStoresTest {

  @TempDir Path dir;

  private static RunRecord run(String id, Instant startedAt, boolean dryRun) {
    return new RunRecord(id, "before_media_added/01_guard.lua", "before_media_added", startedAt, 1234,
        RunStatus.EXECUTION_ERROR, true, Map.of("title", "Heat", "tags", List.of("a", "b")), "fixed",
        new HookError("execution_error", "attempt to index a nil value", "/hooks/01_guard.lua", 3),
        List.of("line one", "line two"), dryRun);
  }

  @Test
  void switchesLastAcrossStoresOnTheSameFileAsTheyWouldAcrossProcesses() {
    Path file = dir.resolve("hooks.db");
    JdbcHookStateStore first = new JdbcHookStateStore(SqliteStores.dataSource(file), file.toString());
    first.setEnabled("before_media_added/01_guard.lua", false);
    first.setEnabled("after_media_added/02_x.lua", false);
    first.setEnabled("after_media_added/02_x.lua", true);
    JdbcHookStateStore second = new JdbcHookStateStore(SqliteStores.dataSource(file), file.toString());
    assertEquals(Set.of("before_media_added/01_guard.lua"), second.disabled());
    assertTrue(second.persistent());
    assertFalse(new InMemoryHookStateStore().persistent());
  }

  @Test
  void aRunComesBackWithEveryFieldAndTheNewestFirst() {
    Path file = dir.resolve("hooks.db");
    JdbcRunStore store = new JdbcRunStore(SqliteStores.dataSource(file), file.toString(), 10);
    Instant start = Instant.parse("2026-01-01T10:00:00Z");
    RunRecord older = run("r1", start, false);
    RunRecord newer = run("r2", start.plusMillis(1), true);
    store.record(older);
    store.record(newer);
    assertEquals(List.of(newer, older), store.recent(5));
    assertEquals(List.of(newer), new JdbcRunStore(SqliteStores.dataSource(file), "again", 10).recent(1));
  }

  @Test
  void onlyTheNewestMaxRunsAreKept() {
    Path file = dir.resolve("hooks.db");
    JdbcRunStore store = new JdbcRunStore(SqliteStores.dataSource(file), file.toString(), 3);
    Instant start = Instant.parse("2026-01-01T10:00:00Z");
    for (int i = 0; i < JdbcRunStore.PRUNE_EVERY; i++) {
      store.record(run("r" + i, start.plusSeconds(i), false));
    }
    List<String> kept = store.recent(100).stream().map(RunRecord::runId).toList();
    int last = JdbcRunStore.PRUNE_EVERY - 1;
    assertEquals(List.of("r" + last, "r" + (last - 1), "r" + (last - 2)), kept);
  }

  @Test
  void hostileIdsAndTextAreStoredAsData() {
    Path file = dir.resolve("hooks.db");
    JdbcHookStateStore store = new JdbcHookStateStore(SqliteStores.dataSource(file), file.toString());
    String hostile = "x'); DROP TABLE hookpoint_state; --";
    store.setEnabled(hostile, false);
    assertEquals(Set.of(hostile), store.disabled());
  }

  @Test
  void theSchemaIsMigratedOnceAndRecordsItsVersion() throws Exception {
    Path file = dir.resolve("hooks.db");
    DataSource dataSource = SqliteStores.dataSource(file);
    new JdbcHookStateStore(dataSource, file.toString());
    new JdbcRunStore(dataSource, file.toString(), 5);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM hookpoint_schema")) {
      List<Integer> versions = new ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
      assertEquals(List.of(1, 2), versions, "one row per step, each once");
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
      assertEquals("wal", rows.getString(1), "two processes share the file");
    }
  }

  @Test
  void aDatabaseOfTheFirstSchemaGainsTheSettingsTableAndKeepsItsSwitches() throws Exception {
    Path file = dir.resolve("hooks.db");
    DataSource dataSource = SqliteStores.dataSource(file);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      // What version 1 of the schema left: its tables, a switch, and its one row in hookpoint_schema.
      statement.execute("CREATE TABLE hookpoint_schema (version INTEGER NOT NULL)");
      statement.execute("INSERT INTO hookpoint_schema (version) VALUES (1)");
      statement.execute("CREATE TABLE hookpoint_state (hook_id TEXT PRIMARY KEY, enabled INTEGER NOT NULL)");
      statement.execute("INSERT INTO hookpoint_state (hook_id, enabled) VALUES ('after_media_added/10_a.lua', 0)");
    }
    JdbcHookStateStore store = new JdbcHookStateStore(dataSource, file.toString());
    assertEquals(Set.of("after_media_added/10_a.lua"), store.disabled());
    store.saveSettings(Map.of("hooks.default_timeout_ms", "8000"));
    assertEquals(Map.of("hooks.default_timeout_ms", "8000"),
        new JdbcHookStateStore(dataSource, file.toString()).settings());
  }

  @Test
  void settingsAreReplacedWholeAndHostileKeysAreStoredAsText() {
    Path file = dir.resolve("hooks.db");
    JdbcHookStateStore store = new JdbcHookStateStore(SqliteStores.dataSource(file), file.toString());
    assertEquals(Map.of(), store.settings());
    String hostile = "x'); DROP TABLE hookpoint_settings; --";
    store.saveSettings(Map.of("hooks.default_timeout_ms", "8000", hostile, "1"));
    store.saveSettings(Map.of("hooks.process_timeout_ms", "9000", hostile, "2"));
    assertEquals(Map.of("hooks.process_timeout_ms", "9000", hostile, "2"), store.settings());
    store.saveSettings(Map.of());
    assertEquals(Map.of(), store.settings());
  }

  @Test
  void aSchemaFromANewerHookpointIsRefusedNamingTheFileAndTheFix() throws Exception {
    Path file = dir.resolve("hooks.db");
    DataSource dataSource = SqliteStores.dataSource(file);
    new JdbcHookStateStore(dataSource, file.toString());
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO hookpoint_schema (version) VALUES (99)");
    }
    StoreException error = assertThrows(StoreException.class,
        () -> new JdbcHookStateStore(dataSource, file.toString()));
    assertEquals("newer", error.category());
    assertTrue(error.getMessage().startsWith("[hookpoint:store-newer] " + file + " has schema version 99"),
        error.getMessage());
    assertTrue(error.getMessage().contains("upgrade this host"), error.getMessage());
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

  @Test
  void writersOnTwoConnectionsWaitForEachOtherInsteadOfFailing() throws Exception {
    Path file = dir.resolve("hooks.db");
    JdbcRunStore first = new JdbcRunStore(SqliteStores.dataSource(file), file.toString(), 1000);
    JdbcRunStore second = new JdbcRunStore(SqliteStores.dataSource(file), file.toString(), 1000);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> writes = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T10:00:00Z");
    for (int i = 0; i < 200; i++) {
      JdbcRunStore store = i % 2 == 0 ? first : second;
      RunRecord record = run("r" + i, start.plusMillis(i), false);
      writes.add(threads.submit(() -> store.record(record)));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    threads.shutdown();
    second.close();
    assertEquals(200, first.recent(1000).size(), "no write was lost to a busy database");
  }

  @Test
  void recordingOnlyQueuesAndClosingWritesWhatIsQueued() {
    Path file = dir.resolve("hooks.db");
    JdbcRunStore store = new JdbcRunStore(SqliteStores.dataSource(file), file.toString(), 1000);
    Instant start = Instant.parse("2026-01-01T10:00:00Z");
    for (int i = 0; i < 300; i++) {
      store.record(run("r" + i, start.plusMillis(i), false));
    }
    store.close();
    JdbcRunStore reader = new JdbcRunStore(SqliteStores.dataSource(file), file.toString(), 1000);
    assertEquals(300, reader.recent(1000).size());
    reader.close();
  }
}
