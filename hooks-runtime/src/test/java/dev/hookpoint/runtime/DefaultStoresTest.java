package dev.hookpoint.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.SqliteStores;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.ScriptExecutor;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which stores a runtime gets: SQLite beside the hooks by default, the host's database, memory when asked. */
class DefaultStoresTest {

  private static final String HOOK = "before_media_added/01_title.hook";

  @TempDir Path root;
  private HookRuntime first;
  private HookRuntime second;

  @BeforeEach
  void hook() {
    TestRuntime.write(root, HOOK, "{\"append\": \"!\"}");
  }

  @AfterEach
  void close() {
    for (HookRuntime runtime : new HookRuntime[] {first, second}) {
      if (runtime != null) {
        runtime.close();
      }
    }
  }

  private HookRuntime runtime() {
    return TestRuntime.builder(root, "", new ScriptExecutor()).closeOnShutdown(false).build().start();
  }

  private static InstalledHook only(HookRuntime runtime) {
    return runtime.hook(HOOK).orElseThrow();
  }

  @Test
  void byDefaultSwitchesAndRunsAreKeptInOneSqliteFileBesideTheHooks() {
    first = runtime();
    first.setEnabled(HOOK, false);
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = first.dispatcher().handle(TestRuntime.AFTER);
    handle.runSync(MediaEvent.of("after_media_added", handle.context(), "Heat"));
    assertTrue(Files.isRegularFile(root.resolve("hooks.db")), "beside the hooks directory, not in it");
    assertTrue(first.stateStore().persistent());
    assertTrue(first.storeProblem().isEmpty());

    second = runtime();
    assertFalse(only(second).enabled(), "the switch made by another runtime on the same directory");
    assertEquals(List.of(HOOK), second.hooks().stream().map(InstalledHook::id).toList(),
        "the database is no hook");
  }

  @Test
  void aCorruptDatabaseFallsBackToMemorySayingWhyAndTheHostKeepsRunning() throws Exception {
    Files.writeString(root.resolve("hooks.db"), "garbage ".repeat(100));
    first = runtime();
    assertEquals("corrupt", first.storeProblem().orElseThrow().category());
    assertTrue(first.storeProblem().orElseThrow().getMessage().contains(root.resolve("hooks.db").toString()));
    assertFalse(first.stateStore().persistent());
    assertFalse(first.runStore().persistent());
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = first.dispatcher().handle(TestRuntime.BEFORE);
    MediaEvent changed = handle.runSync(MediaEvent.of("before_media_added", handle.context(), "Heat"));
    assertEquals("Heat!", changed.media().title(), "the hooks still run");
    assertEquals(1, first.runStore().recent(10).size());
  }

  @Test
  void inMemoryStoresWriteNoFile() {
    first = TestRuntime.builder(root, "", new ScriptExecutor()).inMemoryStores().build().start();
    first.setEnabled(HOOK, false);
    assertFalse(first.stateStore().persistent());
    assertFalse(Files.exists(root.resolve("hooks.db")));
  }

  @Test
  void withHooksSwitchedOffThereIsNoFile() {
    first = TestRuntime.builder(root, "enabled: false", new ScriptExecutor()).build().start();
    assertFalse(Files.exists(root.resolve("hooks.db")));
  }

  @Test
  void theHostsDataSourceGetsHookpointsOwnTables() throws Exception {
    DataSource hostDatabase = SqliteStores.dataSource(root.resolve("app.db"));
    first = TestRuntime.builder(root, "", new ScriptExecutor()).dataSource(hostDatabase).build().start();
    first.setEnabled(HOOK, false);
    assertFalse(Files.exists(root.resolve("hooks.db")));
    try (Connection connection = hostDatabase.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT hook_id, enabled FROM hookpoint_state")) {
      assertTrue(rows.next());
      assertEquals(HOOK, rows.getString(1));
      assertFalse(rows.getBoolean(2));
    }
  }

  @Test
  void storePathAndHooksResolveAgainstTheBaseDirectory() {
    first = HookRuntime.builder(ConfigLoader.parse("store:\n  path: state/switches.db\nhooks:\n  hot_reload: false\n",
        "test.yaml", Map.of())).baseDirectory(root).hookPoints(List.of(TestRuntime.BEFORE))
        .executor(new ScriptExecutor()).closeOnShutdown(false).build().start();
    assertEquals(root.resolve("hooks"), first.hooksDirectory());
    first.setEnabled(HOOK, false);
    assertTrue(Files.isRegularFile(root.resolve("state/switches.db")));
  }
}
