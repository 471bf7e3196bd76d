package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's hook switches and runs live in its own database, in the runtime's tables, across processes. */
class HookTablesTest {

  private static final String HOOK = "after_media_added/02_adjust_anime_settings.lua";

  @TempDir Path dir;

  private void sql(String... statements) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/mydia.db"));
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Test
  void aSwitchIsKeptInTheAppsDatabaseAndNoOtherFileIsMade() {
    Cli cli = new Cli(dir, "");
    Cli.Result disabled = cli.run("hooks", "disable", HOOK);
    assertEquals(0, disabled.exitCode(), disabled.err());
    assertTrue(cli.run("hooks", "list").out().lines().anyMatch(line -> line.startsWith(HOOK)
        && line.contains("disabled")), "seen by the next process");
    assertFalse(dir.resolve("data/hooks.db").toFile().exists(), "the app's database holds them");
  }

  @Test
  void aDatabaseFromBeforeTheRuntimesStoresKeepsItsSwitchesAndRuns() throws Exception {
    Cli cli = new Cli(dir, "");
    assertEquals(0, cli.run("media", "list").exitCode());
    // Back to what the app's own stores left: its hook tables under their old names, at schema version 2.
    sql("ALTER TABLE hookpoint_runs RENAME TO hook_runs", "ALTER TABLE hookpoint_state RENAME TO hook_state",
        "DROP INDEX hookpoint_runs_started", "CREATE INDEX hook_runs_started ON hook_runs (started_at)",
        "DROP TABLE hookpoint_schema", "DELETE FROM schema_version WHERE version = 3",
        "INSERT INTO hook_state (hook_id, enabled) VALUES ('" + HOOK + "', 0)");

    Cli.Result listed = cli.run("hooks", "list");
    assertTrue(listed.out().lines().anyMatch(line -> line.startsWith(HOOK) && line.contains("disabled")),
        listed.out());
    assertEquals(0, cli.run("media", "add", "--type", "movie", "--title", "Heat").exitCode());
    assertTrue(cli.run("hooks", "runs").out().contains("before_media_added/01_reject_duplicates.lua"));
  }
}
