package dev.hookpoint.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.Await;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.ScriptExecutor;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hooks that do not stop, not even when told to from outside: the watchdog records them, gives up on their thread,
 * replaces it and switches the hook off, so the host's work goes on.
 */
class WatchdogTest {

  /** Deadline, plus the watchdog's grace, plus a scan, plus a busy machine's margin. */
  private static final long ABANDONED_WITHIN_MS = 200 + Watchdog.GRACE_MS + Watchdog.SCAN_MS + 2_000;

  @TempDir Path root;
  private final ScriptExecutor executor = new ScriptExecutor();
  private HookRuntime runtime;

  @AfterEach
  void release() {
    executor.releaseWedged();
    if (runtime != null) {
      runtime.close();
    }
  }

  private HookRuntime start(String yaml) {
    runtime = TestRuntime.builder(root, yaml, executor).build().start();
    return runtime;
  }

  private List<RunRecord> runsOf(String hookId) {
    return runtime.runStore().recent(100).stream().filter(run -> run.hookId().equals(hookId)).toList();
  }


  @Test
  void aBackgroundHookThatNeverStopsIsAbandonedAndLaterEventsStillRun() throws Exception {
    TestRuntime.write(root, "on_media_added/01_wedge.hook", "# timeout_ms: 200\n{\"wedge_when\": \"stuck\"}");
    TestRuntime.write(root, "on_media_added/02_note.hook", "{\"result\": {\"message\": \"noted\"}}");
    start("async:\n  pool_size: 1\n  queue_capacity: 10");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    long start = System.nanoTime();
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "stuck"));
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "a"));
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "b"));

    Await.until(() -> runsOf("on_media_added/02_note.hook").size() == 2, ABANDONED_WITHIN_MS,
        "the events queued behind the wedged one ran on a new thread: " + runtime.runStore().recent(10));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis >= 200 + Watchdog.GRACE_MS, "not before the grace is over: " + millis + " ms");

    RunRecord abandoned = runsOf("on_media_added/01_wedge.hook").stream()
        .filter(run -> run.error() != null).findFirst().orElseThrow();
    assertEquals(RunStatus.TIMEOUT, abandoned.status());
    assertTrue(abandoned.error().message().contains("its thread was abandoned"), abandoned.error().message());
    assertEquals(1, executor.wedged.get(), "the hook still holds its old thread");
    assertEquals(1, runtime.backgroundStats().replacedThreads());
    assertFalse(runtime.hook("on_media_added/01_wedge.hook").orElseThrow().enabled(),
        "the hook is switched off so it cannot take the next thread");

    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "stuck"));
    Await.until(() -> runsOf("on_media_added/02_note.hook").size() == 3, 5_000, "a later event runs");
    assertEquals(1, executor.wedged.get(), "the switched-off hook did not run again");
  }

  @Test
  void aSyncHookThatNeverStopsIsRecordedAndSwitchedOffSoItHoldsNoSecondThread() throws Exception {
    TestRuntime.write(root, "before_media_added/01_wedge.hook", "# timeout_ms: 200\n{\"wedge_when\": \"stuck\"}");
    TestRuntime.write(root, "before_media_added/02_mark.hook", "{\"append\": \"!\"}");
    start("");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    CompletableFuture<String> held = CompletableFuture.supplyAsync(
        () -> handle.runSync(MediaEvent.of("before_media_added", handle.context(), "stuck")).media().title());

    Await.until(() -> !runtime.hook("before_media_added/01_wedge.hook").orElseThrow().enabled(),
        ABANDONED_WITHIN_MS, "the wedged hook is switched off");
    assertEquals(RunStatus.TIMEOUT, runsOf("before_media_added/01_wedge.hook").get(0).status());
    assertEquals("stuck!", handle.runSync(MediaEvent.of("before_media_added", handle.context(), "stuck"))
        .media().title(), "the next caller does not meet the wedged hook");
    assertEquals(1, executor.wedged.get());

    executor.releaseWedged();
    assertEquals("stuck!", held.get(5, TimeUnit.SECONDS),
        "when it comes back at last, its result is ignored and the chain goes on");
    assertEquals(1, runsOf("before_media_added/01_wedge.hook").size(), "the abandoned run is recorded once");
  }

  @Test
  void aSwitchedOffHookComesBackWhenItsFileChanges() throws Exception {
    TestRuntime.write(root, "before_media_added/01_wedge.hook", "# timeout_ms: 200\n{\"wedge_when\": \"stuck\"}");
    start("");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    CompletableFuture.runAsync(() -> handle.runSync(MediaEvent.of("before_media_added", handle.context(), "stuck")));
    Await.until(() -> !runtime.hook("before_media_added/01_wedge.hook").orElseThrow().enabled(),
        ABANDONED_WITHIN_MS, "the wedged hook is switched off");

    runtime.reload();
    assertFalse(runtime.hook("before_media_added/01_wedge.hook").orElseThrow().enabled(),
        "a reload of the same content keeps it off");
    TestRuntime.write(root, "before_media_added/01_wedge.hook", "{\"append\": \"?\"}");
    runtime.reload();
    assertTrue(runtime.hook("before_media_added/01_wedge.hook").orElseThrow().enabled(),
        "a fixed file runs again");
    assertEquals("x?", handle.runSync(MediaEvent.of("before_media_added", handle.context(), "x")).media().title());
  }

  @Test
  void aHookAbandonedWhileAReloadIsLoadingStaysSwitchedOffAfterTheReload() throws Exception {
    TestRuntime.write(root, "on_media_added/01_wedge.hook", "# timeout_ms: 200\n{\"wedge_when\": \"stuck\"}");
    java.util.concurrent.CountDownLatch loading = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean holdReload = new java.util.concurrent.atomic.AtomicBoolean();
    runtime = TestRuntime.builder(root, "", executor).fileCheck((file, sha256) -> {
      if (holdReload.get()) {
        loading.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }).build().start();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    holdReload.set(true);
    CompletableFuture<?> reload = CompletableFuture.runAsync(runtime::reload);
    assertTrue(loading.await(5, TimeUnit.SECONDS), "the reload is loading");
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "stuck"));
    Await.until(() -> !runtime.hook("on_media_added/01_wedge.hook").orElseThrow().enabled(),
        ABANDONED_WITHIN_MS, "the wedged hook is switched off while the reload loads");
    release.countDown();
    reload.get(5, TimeUnit.SECONDS);
    assertFalse(runtime.hook("on_media_added/01_wedge.hook").orElseThrow().enabled(),
        "the reload's registry keeps the quarantine it did not see when it started");
  }

  @Test
  void aHookThatStopsInTimeIsNeitherAbandonedNorSwitchedOff() throws Exception {
    TestRuntime.write(root, "before_media_added/01_slow.hook", "# timeout_ms: 100\n{\"sleep_ms\": 5000}");
    start("");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    handle.runSync(MediaEvent.of("before_media_added", handle.context(), "x"));
    Thread.sleep(Watchdog.GRACE_MS + 3 * Watchdog.SCAN_MS);
    RunRecord run = runsOf("before_media_added/01_slow.hook").get(0);
    assertEquals(RunStatus.TIMEOUT, run.status());
    assertFalse(run.error().message().contains("abandoned"), run.error().message());
    assertTrue(runtime.hook("before_media_added/01_slow.hook").orElseThrow().enabled());
    assertEquals(0, runtime.backgroundStats().replacedThreads());
  }
}
