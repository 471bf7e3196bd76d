package dev.hookpoint.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.testing.DurableHost;
import dev.hookpoint.runtime.testing.MarkdownSamples;
import dev.hookpoint.runtime.testing.PostgresCluster;
import dev.hookpoint.runtime.testing.RealPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy script of {@code docs/operating.md} ("Moving from SQLite to PostgreSQL"), run as written with
 * {@code sh}, {@code sqlite3} and {@code psql}: from a SQLite file a durable host wrote to the tables a host on
 * PostgreSQL created, read back through the stores.
 */
@Timeout(120)
class DocumentedMigrationTest {

  private static final String HEADING = "## Moving from SQLite to PostgreSQL";
  private static final String DURABLE = "async:\n  delivery: durable\n";
  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  @RegisterExtension static final RealPostgres POSTGRES = new RealPostgres();

  @TempDir Path dir;



  private static boolean onPath(String program) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, program))) {
        return true;
      }
    }
    return false;
  }

  /** Step 3 of the guide: the host started once on PostgreSQL made its tables. Each test starts from there. */
  @BeforeEach
  void hostOnPostgres() throws Exception {
    try (Connection connection = POSTGRES.cluster().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS hookpoint_runs, hookpoint_state, hookpoint_settings, hookpoint_schema, "
          + "hookpoint_tasks");
    }
    DurableHost.runtime(dir.resolve("postgres-host"), DURABLE, POSTGRES.cluster().dataSource()).close();
  }

  private static String script() throws Exception {
    String guide = Files.readString(MarkdownSamples.projectRoot().resolve("docs/operating.md"));
    int section = guide.indexOf(HEADING);
    assertTrue(section >= 0, HEADING);
    int start = guide.indexOf("```sh\n", section) + "```sh\n".length();
    return guide.substring(start, guide.indexOf("\n```", start) + 1);
  }

  /** Runs the guide's script in {@code dir} on the SQLite file; its exit code, its output kept for failures. */
  private int copy(Path sqlite) throws Exception {
    ProcessBuilder sh = new ProcessBuilder("sh", "-c", script()).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("copy.log").toFile());
    sh.environment().put("SQLITE", sqlite.toString());
    sh.environment().put("PGURL", POSTGRES.cluster().uri());
    sh.environment().put("PATH", PostgresCluster.programs() + File.pathSeparator + System.getenv("PATH"));
    Process process = sh.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the copy ends");
    return process.exitValue();
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("copy.log"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** What a host on SQLite left: switches, settings and runs written by its stores, and its drained task table. */
  private HookRuntime sqliteHost() {
    HookRuntime host = DurableHost.runtime(dir.resolve("sqlite-host"), DURABLE);
    host.stateStore().setEnabled("before_media_added/01_guard.lua", false);
    host.stateStore().setEnabled("after_media_added/02_notify.sh", true);
    host.stateStore().setEnabled("on_media_added/03_it's, \"quoted\".lua", false);
    host.stateStore().saveSettings(Map.of("hooks.default_timeout_ms", "8000", "hooks.process_timeout_ms", ""));
    RunStore runs = host.runStore();
    runs.record(new RunRecord("r1", "before_media_added/01_guard.lua", "before_media_added", START, 1234,
        RunStatus.EXECUTION_ERROR, false, Map.of(), "", new HookError("execution_error",
            "line one\nline \"two\", with a comma\r\n", "/hooks/01_guard.lua", 3), List.of("a, \"b\"", ""), false));
    // Three of one start: their order is the one they were recorded in, and the copy keeps it.
    for (String id : List.of("r2", "r3", "r4")) {
      runs.record(new RunRecord(id, "after_media_added/02_notify.sh", "after_media_added", START.plusSeconds(1),
          5_000_000_000L, RunStatus.TIMEOUT, true, Map.of("media", Map.of("title", "Heat ✓", "tags", List.of())),
          "NULL", new HookError("timeout", "", null, null), List.of("\\N"), true));
    }
    runs.record(new RunRecord("r5", "on_media_added/03_it's, \"quoted\".lua", "on_media_added",
        START.plusSeconds(2), 1, RunStatus.OK, true, Map.of("note", "a\nb"), "done", null, List.of(), false));
    return host;
  }

  @Test
  void theGuidesCopyCarriesSwitchesSettingsAndRunsOverAsTheStoresWroteThem() throws Exception {
    HookRuntime sqlite = sqliteHost();
    Set<String> disabled = sqlite.stateStore().disabled();
    Map<String, String> settings = sqlite.stateStore().settings();
    List<RunRecord> history = sqlite.runStore().recent(100);
    sqlite.close();  // step 2: stopped, nothing stored left
    assertEquals(5, history.size());

    assertEquals(0, copy(dir.resolve("sqlite-host/host.db")), this::log);

    HookRuntime postgres = DurableHost.runtime(dir.resolve("postgres-host"), DURABLE, POSTGRES.cluster().dataSource());
    try {
      assertEquals(disabled, postgres.stateStore().disabled());
      assertEquals(settings, postgres.stateStore().settings());
      assertEquals(history, postgres.runStore().recent(100));
      RunRecord next = new RunRecord("r6", "on_media_added/03_it's, \"quoted\".lua", "on_media_added",
          START.plusSeconds(2), 1, RunStatus.OK, false, Map.of(), "", null, List.of(), false);
      postgres.runStore().record(next);
      assertEquals(List.of("r6", "r5", "r4"), postgres.runStore().recent(3).stream().map(RunRecord::runId).toList(),
          "a run recorded after the copy is the newest of its start");
    } finally {
      postgres.close();
    }
  }

  @Test
  void theGuidesCopyRefusesAFileWithBackgroundRunsStillStored() throws Exception {
    HookRuntime sqlite = sqliteHost();
    sqlite.close();
    Path file = dir.resolve("sqlite-host/host.db");
    try (Connection connection = SqliteStores.dataSource(file).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO hookpoint_tasks (task_name, task_instance) VALUES ('hookpoint-background', "
          + "'e1/0')");
    }

    assertNotEquals(0, copy(file), "refused");
    assertEquals(Set.of(), new JdbcHookStateStore(POSTGRES.cluster().dataSource(), "postgres").disabled(), "nothing copied");
  }
}
