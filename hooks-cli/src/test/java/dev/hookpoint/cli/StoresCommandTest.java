package dev.hookpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.ScriptExecutor;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands whose point is another process say what their store keeps, and test runs are marked as such. */
class StoresCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK = "before_media_added/01_title.hook";

  @TempDir Path root;
  private HookRuntime runtime;

  @BeforeEach
  void hook() {
    TestRuntime.write(root, HOOK, "# name: Title fixer\n{\"append\": \"!\"}");
  }

  @AfterEach
  void close() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private Hooks.Result run(String... args) {
    return Hooks.run(() -> runtime, args);
  }

  /** One {@code hooks} command in a JVM of its own, on the same directory. */
  private Hooks.Result inAnotherProcess(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CommandHost.class.getName(), root.toString()));
    command.addAll(List.of(args));
    Path err = root.resolve("err.txt");
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the host exited");
    return new Hooks.Result(process.exitValue(), out, Files.readString(err));
  }

  @Test
  void withTheDefaultStoreADisableInOneProcessHoldsInTheNext() throws Exception {
    Hooks.Result disabled = inAnotherProcess("disable", HOOK);
    assertEquals(0, disabled.exitCode(), disabled.err());
    assertEquals("disabled " + HOOK, disabled.out().strip());
    Hooks.Result listed = inAnotherProcess("list", "--json");
    assertEquals(0, listed.exitCode(), listed.err());
    JsonNode hook = JSON.readTree(listed.out()).get(0);
    assertEquals(HOOK, hook.get("id").asText());
    assertFalse(hook.get("enabled").asBoolean(), listed.out());
    assertTrue(inAnotherProcess("list").out().contains("disabled"));
  }

  @Test
  void withInMemoryStoresASwitchSaysItIsNotKeptAndExitsWithNotKept() {
    runtime = TestRuntime.builder(root, "", new ScriptExecutor()).inMemoryStores().build().start();
    Hooks.Result disabled = run("disable", HOOK);
    assertEquals(HooksCommand.NOT_KEPT, disabled.exitCode());
    assertEquals("", disabled.out(), "no 'disabled' as if it were done");
    assertTrue(disabled.err().startsWith("disabled " + HOOK + " in this process only, NOT kept: this host keeps "
        + "hook switches in memory"), disabled.err());
    assertTrue(disabled.err().contains("persistent store"), disabled.err());
    assertEquals(HooksCommand.NOT_KEPT, run("enable", HOOK).exitCode());
    assertTrue(run("list").out().contains("Switches shown are this process's"));
  }

  @Test
  void withInMemoryStoresAnEmptyHistoryIsNotPassedOffAsTheHosts() throws Exception {
    runtime = TestRuntime.builder(root, "", new ScriptExecutor()).inMemoryStores().build().start();
    Hooks.Result runs = run("runs");
    assertEquals(0, runs.exitCode());
    assertFalse(runs.out().contains("No runs recorded yet"), runs.out());
    assertTrue(runs.out().startsWith("No runs in this process: this host keeps the run history in memory"),
        runs.out());
    Hooks.Result json = run("runs", "--json");
    assertEquals(0, JSON.readTree(json.out()).size(), "the JSON stays a list");
    assertTrue(json.err().contains("in memory"), json.err());
  }

  @Test
  void aBrokenStoreIsNamedWithItsFixWhenASwitchCannotLast() throws Exception {
    Files.writeString(root.resolve("hooks.db"), "garbage ".repeat(100));
    runtime = TestRuntime.builder(root, "", new ScriptExecutor()).build().start();
    Hooks.Result disabled = run("disable", HOOK);
    assertEquals(HooksCommand.NOT_KEPT, disabled.exitCode());
    assertTrue(disabled.err().contains("[hookpoint:store-corrupt] " + root.resolve("hooks.db")), disabled.err());
    assertTrue(disabled.err().contains("move it away"), disabled.err());
  }

  @Test
  void aSwitchTheStoreCannotWriteSwitchesNothingAndExitsOne() throws Exception {
    runtime = TestRuntime.builder(root, "", new ScriptExecutor()).build().start();
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(root.resolve("hooks.db" + suffix));
    }
    Files.writeString(root.resolve("hooks.db"), "garbage ".repeat(100));
    Hooks.Result disabled = run("disable", HOOK);
    assertEquals(1, disabled.exitCode());
    assertTrue(disabled.err().startsWith("[hookpoint:store-corrupt] " + root.resolve("hooks.db")), disabled.err());
    assertTrue(disabled.err().contains("nothing was switched"), disabled.err());
    assertTrue(runtime.hook(HOOK).orElseThrow().enabled());
  }

  @Test
  void dryRunsAreMarkedInTheTextAndTheJsonKeepsItsFields() throws Exception {
    runtime = TestRuntime.builder(root, "", new ScriptExecutor()).build().start();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    handle.runSync(MediaEvent.of("before_media_added", handle.context(), "Heat"));
    assertEquals(0, run("test", root.resolve("hooks").resolve(HOOK).toString()).exitCode());
    List<String> lines = run("runs").out().lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains(RunsCommand.DRY_RUN), "the test run: " + lines.get(0));
    assertFalse(lines.get(1).contains(RunsCommand.DRY_RUN), "the host's run: " + lines.get(1));
    JsonNode runs = JSON.readTree(run("runs", "--json").out());
    List<String> fields = new ArrayList<>();
    runs.get(0).fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("run_id", "hook", "event", "started_at", "status", "duration_ms", "modified", "changes",
        "message", "halt", "logs", "error", "dry_run"), fields);
    assertTrue(runs.get(0).get("dry_run").asBoolean());
    assertFalse(runs.get(1).get("dry_run").asBoolean());
  }
}
