package dev.hookpoint.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.RunStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC stores keep, the same on every database they support: each subclass hands out a fresh, empty
 * database ({@link #database}), and every assertion here runs on it unchanged.
 */
abstract class StoreContract {

  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private static final String GUARD = "before_media_added/01_guard.lua";

  /** The database of this test, the same one on every call: each store made on it is another process's view. */
  abstract DataSource database();

  /** How the database is named in messages. */
  abstract String where();

  private JdbcRunStore runStore(int maxRuns) {
    return new JdbcRunStore(database(), where(), maxRuns);
  }

  private JdbcHookStateStore stateStore() {
    return new JdbcHookStateStore(database(), where());
  }

  private static RunRecord run(String id, Instant startedAt) {
    return new RunRecord(id, GUARD, "before_media_added", startedAt, 1234, RunStatus.EXECUTION_ERROR, true,
        Map.of("title", "Heat", "tags", List.of("a", "b")), "fixed",
        new HookError("execution_error", "attempt to index a nil value", "/hooks/01_guard.lua", 3),
        List.of("line one", "line two"), false);
  }

  private static List<String> ids(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::runId).toList();
  }

  @Test
  void switchesLastAcrossStoresOnTheSameDatabaseAsTheyWouldAcrossProcesses() {
    JdbcHookStateStore first = stateStore();
    first.setEnabled(GUARD, false);
    first.setEnabled("after_media_added/02_x.lua", false);
    first.setEnabled("after_media_added/02_x.lua", true);
    first.setEnabled("after_media_added/03_y.lua", true);
    assertEquals(Set.of(GUARD), stateStore().disabled());
    stateStore().setEnabled(GUARD, true);
    assertEquals(Set.of(), first.disabled());
  }

  @Test
  void settingsAreReplacedWholeAndLastAcrossStores() {
    JdbcHookStateStore store = stateStore();
    assertEquals(Map.of(), store.settings());
    store.saveSettings(Map.of("hooks.default_timeout_ms", "8000", "hooks.process_timeout_ms", "9000"));
    store.saveSettings(Map.of("hooks.process_timeout_ms", "7000"));
    assertEquals(Map.of("hooks.process_timeout_ms", "7000"), stateStore().settings());
    store.saveSettings(Map.of());
    assertEquals(Map.of(), stateStore().settings());
  }

  @Test
  void hostileIdsAndTextAreStoredAsData() {
    String hostile = "x'); DROP TABLE hookpoint_state; -- \"é\" \\ %_";
    JdbcHookStateStore state = stateStore();
    state.setEnabled(hostile, false);
    assertEquals(Set.of(hostile), state.disabled());
    state.saveSettings(Map.of(hostile, hostile + " ✓"));
    assertEquals(Map.of(hostile, hostile + " ✓"), stateStore().settings());
    JdbcRunStore runs = runStore(10);
    RunRecord run = new RunRecord("r'1", hostile, "on_media_added", START, 1, RunStatus.OK, false,
        Map.of(hostile, List.of(hostile)), hostile, null, List.of(hostile, "\\u001b[31m"), false);
    runs.record(run);
    assertEquals(List.of(run), runs.recent(5));
  }

  @Test
  void aRunComesBackWithEveryFieldHoweverItEnded() {
    JdbcRunStore store = runStore(10);
    RunRecord failed = run("r1", START);
    RunRecord noLine = new RunRecord("r2", GUARD, "before_media_added", START.plusNanos(1_000), 0,
        RunStatus.TIMEOUT, false, Map.of(), "", new HookError("timeout", "stopped after 5000 ms", null, null),
        List.of(), true);
    // Longer than PostgreSQL's INTEGER holds in microseconds (36 minutes): a hook the watchdog gave up on.
    RunRecord longOk = new RunRecord("r3", "on_media_added/02_notify.sh", "on_media_added", START.plusSeconds(1),
        3L * 60 * 60 * 1_000_000, RunStatus.OK, true, Map.of("media", Map.of("title", "Heat", "year", 1995)),
        "done", null, List.of("INFO sent"), false);
    store.record(failed);
    store.record(noLine);
    store.record(longOk);
    assertEquals(List.of(longOk, noLine, failed), store.recent(10));
    assertEquals(List.of(longOk, noLine, failed), runStore(10).recent(10), "another store reads the same");
    store.close();
  }

  @Test
  void recentIsNewestFirstAndAsLongAsAsked() {
    JdbcRunStore store = runStore(100);
    // Recorded out of order: the start decides, not the order of recording.
    for (int i : new int[] {3, 0, 4, 1, 2}) {
      store.record(run("r" + i, START.plusMillis(i)));
    }
    assertEquals(List.of("r4", "r3", "r2", "r1", "r0"), ids(store.recent(10)));
    assertEquals(List.of("r4", "r3"), ids(store.recent(2)));
    assertEquals(List.of(), store.recent(0));
    store.close();
  }

  @Test
  void runsThatStartedAtTheSameInstantComeBackNewestRecordedFirst() {
    JdbcRunStore first = runStore(100);
    for (int i = 0; i < 3; i++) {
      first.record(run("a" + i, START));
    }
    first.recent(1);  // written: the next ones are another batch
    first.record(run("a3", START));
    first.record(run("later", START.plusNanos(1)));
    first.close();
    JdbcRunStore second = runStore(100);
    second.record(run("b0", START));
    second.record(run("b1", START));
    assertEquals(List.of("later", "b1", "b0", "a3", "a2", "a1", "a0"), ids(second.recent(10)));
    second.close();
  }

  @Test
  void onlyTheNewestMaxRunsAreKept() {
    JdbcRunStore store = runStore(3);
    for (int i = 0; i < JdbcRunStore.PRUNE_EVERY; i++) {
      store.record(run("r" + i, START.plusSeconds(i)));
    }
    int last = JdbcRunStore.PRUNE_EVERY - 1;
    assertEquals(List.of("r" + last, "r" + (last - 1), "r" + (last - 2)), ids(store.recent(100)));
    store.close();
  }

  @Test
  void recordingOnlyQueuesAndClosingWritesWhatIsQueued() {
    JdbcRunStore store = runStore(1000);
    for (int i = 0; i < 300; i++) {
      store.record(run("r" + i, START.plusMillis(i)));
    }
    store.close();
    JdbcRunStore reader = runStore(1000);
    assertEquals(300, reader.recent(1000).size());
    reader.close();
  }

  @Test
  void writersOnTwoStoresAtOnceLoseNothing() throws Exception {
    JdbcRunStore first = runStore(1000);
    JdbcRunStore second = runStore(1000);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        JdbcRunStore store = i % 2 == 0 ? first : second;
        RunRecord record = run("r" + i, START.plusMillis(i));
        writes.add(threads.submit(() -> store.record(record)));
      }
      for (Future<?> write : writes) {
        write.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdown();
    }
    second.close();
    List<RunRecord> all = first.recent(1000);
    assertEquals(200, all.size(), "no write was lost to the other writer");
    assertEquals("r199", all.get(0).runId());
    first.close();
  }

  @Test
  void theSchemaIsMigratedOnceAndRecordsItsVersions() throws Exception {
    stateStore();
    runStore(5).close();
    stateStore();
    assertEquals(List.of(1, 2, 3), versions());
  }

  @Test
  void storesOpenedAtOnceOnAnEmptyDatabaseMigrateItOnce() throws Exception {
    // Two instances of a host deployed at once: both find no tables.
    CyclicBarrier together = new CyclicBarrier(2);
    Callable<Object> open = () -> {
      together.await(10, TimeUnit.SECONDS);
      return stateStore();
    };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Object> one = threads.submit(open);
      Future<Object> two = threads.submit(open);
      one.get(30, TimeUnit.SECONDS);
      two.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdown();
    }
    assertEquals(List.of(1, 2, 3), versions());
  }

  @Test
  void aSchemaFromANewerHookpointIsRefusedNamingTheDatabaseAndTheFix() throws Exception {
    stateStore();
    execute("INSERT INTO hookpoint_schema (version) VALUES (99)");
    StoreException error = assertThrows(StoreException.class, this::stateStore);
    assertEquals("newer", error.category());
    assertTrue(error.getMessage().startsWith("[hookpoint:store-newer] " + where() + " has schema version 99"),
        error.getMessage());
    assertTrue(error.getMessage().contains("upgrade this host"), error.getMessage());
  }

  /** What step 1 of the schema left, word for word: its tables, and its one row in hookpoint_schema. */
  private void schemaOne() throws Exception {
    execute("CREATE TABLE hookpoint_schema (version INTEGER NOT NULL)");
    execute("INSERT INTO hookpoint_schema (version) VALUES (1)");
    execute("""
        CREATE TABLE hookpoint_runs (run_id TEXT PRIMARY KEY, hook_id TEXT NOT NULL, event TEXT NOT NULL,
          started_at TEXT NOT NULL, duration_micros INTEGER NOT NULL, status TEXT NOT NULL, modified INTEGER NOT NULL,
          changes TEXT NOT NULL, message TEXT NOT NULL, error_category TEXT, error_message TEXT, error_file TEXT,
          error_line INTEGER, logs TEXT NOT NULL, dry_run INTEGER NOT NULL)""");
    execute("CREATE INDEX hookpoint_runs_started ON hookpoint_runs (started_at)");
    execute("CREATE TABLE hookpoint_state (hook_id TEXT PRIMARY KEY, enabled INTEGER NOT NULL)");
  }

  private void oldRun(String id, String startedAt) throws Exception {
    execute("INSERT INTO hookpoint_runs VALUES ('" + id + "', '" + GUARD + "', 'before_media_added', '" + startedAt
        + "', 1234, 'OK', 1, '{\"title\":\"Heat\"}', 'done', NULL, NULL, NULL, NULL, '[\"a line\"]', 0)");
  }

  @Test
  void aDatabaseOfTheFirstSchemaKeepsItsSwitchesAndRunsAndGainsSettings() throws Exception {
    schemaOne();
    execute("INSERT INTO hookpoint_state (hook_id, enabled) VALUES ('after_media_added/10_a.lua', 0)");
    execute("INSERT INTO hookpoint_state (hook_id, enabled) VALUES ('after_media_added/11_b.lua', 1)");
    oldRun("old-b", "2026-01-01T10:00:00.000000000Z");
    oldRun("old-a", "2026-01-01T10:00:00.000000000Z");
    oldRun("old-c", "2026-01-01T09:00:00.000000000Z");

    JdbcHookStateStore state = stateStore();
    assertEquals(Set.of("after_media_added/10_a.lua"), state.disabled());
    state.saveSettings(Map.of("hooks.default_timeout_ms", "8000"));
    assertEquals(Map.of("hooks.default_timeout_ms", "8000"), stateStore().settings());

    JdbcRunStore runs = runStore(10);
    RunRecord kept = runs.recent(10).get(2);
    assertEquals(new RunRecord("old-c", GUARD, "before_media_added", Instant.parse("2026-01-01T09:00:00Z"), 1234,
        RunStatus.OK, true, Map.of("title", "Heat"), "done", null, List.of("a line"), false), kept);
    // A new run of the same start comes before the old ones; those of one start are in run id order.
    runs.record(run("new", START));
    assertEquals(List.of("new", "old-b", "old-a", "old-c"), ids(runs.recent(10)));
    assertEquals(List.of(1, 2, 3), versions());
    runs.close();
  }

  @Test
  void aDatabaseOfTheSecondSchemaKeepsItsSettings() throws Exception {
    schemaOne();
    execute("CREATE TABLE hookpoint_settings (setting_key TEXT PRIMARY KEY, setting_value TEXT NOT NULL)");
    execute("INSERT INTO hookpoint_settings VALUES ('hooks.process_timeout_ms', '9000')");
    execute("INSERT INTO hookpoint_schema (version) VALUES (2)");
    assertEquals(Map.of("hooks.process_timeout_ms", "9000"), stateStore().settings());
    assertEquals(List.of(1, 2, 3), versions());
  }

  void execute(String sql) throws Exception {
    try (Connection connection = database().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<Integer> versions() throws Exception {
    try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM hookpoint_schema ORDER BY version")) {
      List<Integer> versions = new ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
      return versions;
    }
  }
}
