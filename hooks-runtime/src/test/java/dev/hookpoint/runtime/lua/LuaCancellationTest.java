package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.executor.Cancellation;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.Invocation;
import dev.hookpoint.runtime.executor.LoadedHook;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Lua run stopped from outside its thread (the watchdog, a shutdown) ends at its next instruction. */
class LuaCancellationTest {

  @TempDir Path dir;

  @Test
  void aRunCancelledFromOutsideStopsLongBeforeItsOwnDeadline() throws Exception {
    LuaHarness lua = new LuaHarness(dir, "max_instructions: 100000000000");
    LoadedHook hook = lua.load("while true do end");
    Cancellation cancellation = new Cancellation();
    long start = System.nanoTime();
    Invocation invocation = new Invocation("r1", "after_media_added", LuaHarness.event(), 60_000,
        start + TimeUnit.SECONDS.toNanos(60), false, new HookLog("test", 10, 100), Map.of(), cancellation);
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
      cancellation.cancel(RunStatus.TIMEOUT, "stopped by the watchdog");
    });
    watchdog.start();

    HookFailure failure = assertThrows(HookFailure.class, () -> lua.executor.run(hook, invocation));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(RunStatus.TIMEOUT, failure.category(), failure.getMessage());
    assertTrue(millis < 2_000, "stopped soon after the cancel, not at the 60 s deadline: " + millis + " ms");
  }

  @Test
  void aRunCancelledBeforeItStartsDoesNotRunAtAll() throws Exception {
    LuaHarness lua = new LuaHarness(dir);
    LoadedHook hook = lua.load("log.info('ran') return { message = 'ran' }");
    Cancellation cancellation = new Cancellation();
    cancellation.cancel(RunStatus.LOST, "the host shut down");
    HookLog log = new HookLog("test", 10, 100);
    Invocation invocation = new Invocation("r1", "after_media_added", LuaHarness.event(), 1_000,
        System.nanoTime() + TimeUnit.SECONDS.toNanos(1), false, log, Map.of(), cancellation);
    assertThrows(HookFailure.class, () -> lua.executor.run(hook, invocation));
    assertTrue(log.lines().isEmpty(), "no line of the hook ran: " + log.lines());
  }
}
