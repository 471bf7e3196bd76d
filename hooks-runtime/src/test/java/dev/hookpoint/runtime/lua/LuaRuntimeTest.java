package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.HookContexts;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookTester;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Lua hooks through the real runtime: chains, vetoes, dry runs, both hook shapes, timeouts capped by config. */
@ExtendWith(ClosesRuntimes.class)
class LuaRuntimeTest {

  @TempDir Path root;
  private HookRuntime runtime;

  private HookPointHandle<MediaEvent, MediaEvent.Changes> start(String yaml) {
    runtime = TestRuntime.standard(root, yaml);
    return runtime.dispatcher().handle(TestRuntime.BEFORE);
  }

  private static MediaEvent event(HookPointHandle<MediaEvent, MediaEvent.Changes> handle, String title) {
    return MediaEvent.of("before_media_added", handle.context(), title);
  }

  @Test
  void luaHooksChainAndEachSeesTheEarlierChanges() {
    TestRuntime.write(root, "before_media_added/01_trim.lua", """
        function execute(event) return { changes = { media = { title = event.media.title:gsub("^%s+", "") } } } end
        """);
    TestRuntime.write(root, "before_media_added/02_year.lua", """
        function execute(event)
          return { modified = true, changes = { media = { title = event.media.title .. " (" .. event.media.year .. ")" } } }
        end
        """);
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = start("");
    assertEquals("Heat (1995)", handle.runSync(event(handle, "   Heat")).media().title());
  }

  @Test
  void aLuaHaltVetoesWithTheHooksNameAndMessage() {
    TestRuntime.write(root, "before_media_added/01_reject_duplicates.lua", """
        hook = { name = "Duplicate guard" }
        function execute(event)
          if event.media.title == "Heat" then
            return { halt = true, message = "Heat is already in the library" }
          end
          return { modified = false }
        end
        """);
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = start("");
    HookVetoException veto = assertThrows(HookVetoException.class, () -> handle.runSync(event(handle, "Heat")));
    assertEquals("Duplicate guard", veto.hookName());
    assertEquals("Heat is already in the library", veto.reason());
    assertEquals("Alien", handle.runSync(event(handle, "Alien")).media().title());
  }

  @Test
  void dryRunIsVisibleToTheHookAndNothingIsApplied() {
    TestRuntime.write(root, "before_media_added/01_a.lua",
        "function execute(event, context) return { changes = { media = { title = tostring(context.dry_run) } } } end");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = start("");
    try (HookContexts.Scope scope = HookContexts.bind(HookContext.system().asDryRun())) {
      assertEquals("Heat", handle.runSync(event(handle, "Heat")).media().title());
    }
    assertEquals(Map.of("media", Map.of("title", "true")), runtime.runStore().recent(1).get(0).changes());
    assertEquals("false", handle.runSync(event(handle, "Heat")).media().title());
  }

  @Test
  void mydiaShapedHookHasItsChangesMerged() {
    TestRuntime.write(root, "before_media_added/01_mydia.lua", """
        function execute(event_data)
          local media = event_data.data.media
          return { modified = true, changes = { data = { media = { title = media.title .. "!" } } } }
        end
        return execute(event)
        """);
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = start("");
    assertEquals("Heat!", handle.runSync(event(handle, "Heat")).media().title());
  }

  @Test
  void perHookTimeoutIsCappedByTheConfiguredMaximum() {
    TestRuntime.write(root, "before_media_added/01_spin.lua",
        "hook = { timeout_ms = 60000 }\nfunction execute() while true do end end");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle =
        start("max_timeout_ms: 200\ndefault_timeout_ms: 100\nlua:\n  max_instructions: 1000000000000");
    long start = System.nanoTime();
    assertEquals("Heat", handle.runSync(event(handle, "Heat")).media().title());
    RunRecord run = runtime.runStore().recent(1).get(0);
    assertEquals(RunStatus.TIMEOUT, run.status());
    assertEquals("stopped after 200 ms (its time limit)", run.error().message());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000);
  }

  @Test
  void wrongChangesAreADataErrorNamingTheAllowedKeys() {
    TestRuntime.write(root, "before_media_added/01_bad.lua",
        "function execute() return { changes = { media = { year = 'soon' } } } end");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = start("");
    handle.runSync(event(handle, "Heat"));
    RunRecord run = runtime.runStore().recent(1).get(0);
    assertEquals(RunStatus.DATA_ERROR, run.status());
    assertEquals("unknown key 'media.year': hooks may change only title; the hook's changes were ignored",
        run.error().message());
  }

  @Test
  void hooksTestRunsALuaFileOnTheExamplePayload() {
    Path hook = TestRuntime.write(root, "before_media_added/01_a.lua",
        "function execute(event) log.info(event.media.title) return { changes = { title = 'X' } } end");
    start("");
    RunRecord run = new HookTester(runtime).test(hook, null, null);
    assertEquals(RunStatus.OK, run.status());
    assertEquals(List.of("INFO Heat"), run.logs());
    assertEquals(Map.of("media", Map.of("title", "X")), run.changes());
  }

  @Test
  void theLyingLengthTrickInBackgroundHooksNoLongerWedgesTheBackgroundThreads() throws Exception {
    TestRuntime.write(root, "on_media_added/01_trick.lua", """
        hook = { timeout_ms = 300 }
        function execute(event)
          if event.media.title == "trick" then
            table.find(setmetatable({}, { __len = function() return 2^31 - 1 end, __index = {} }), tonumber)
          end
          return { message = "ran for " .. event.media.title }
        end
        """);
    runtime = TestRuntime.standard(root, "async:\n  pool_size: 2");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "trick"));
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "trick"));
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "later"));
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (runtime.runStore().recent(10).size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<RunRecord> runs = runtime.runStore().recent(10);
    assertEquals(3, runs.size(), "the later event ran: " + runs);
    assertTrue(runs.stream().allMatch(run -> run.status() == RunStatus.OK && run.durationMicros() < 300_000),
        "table.find reads the list raw, so the lying length holds nothing up: " + runs);
    assertEquals(0, runtime.backgroundStats().replacedThreads(), "the sandbox stopped it; the watchdog had no work");
  }
}
