package dev.hookpoint.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookVetoException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guard ({@code on_error: veto}) must not wave an action through because of how it failed to guard it: a run the
 * watchdog gave up on, a guard the watchdog switched off, a run skipped for its rate limit. Whoever can fire the
 * event (a user adding media) can make each of these happen, by flooding or by a payload the guard chokes on.
 */
class GuardsFailClosedTest {

  private static final long ABANDONED_WITHIN_MS = 200 + Watchdog.GRACE_MS + Watchdog.SCAN_MS + 2_000;

  @TempDir Path root;
  private final ScriptExecutor executor = new ScriptExecutor();
  private HookRuntime runtime;

  @AfterEach
  void close() {
    executor.releaseWedged();
    if (runtime != null) {
      runtime.close();
    }
  }

  private HookPointHandle<MediaEvent, MediaEvent.Changes> withWedgingGuard() {
    TestRuntime.write(root, "before_media_added/01_guard.hook",
        "# on_error: veto\n# timeout_ms: 200\n{\"wedge_when\": \"stuck\"}");
    TestRuntime.write(root, "before_media_added/02_mark.hook", "{\"append\": \"!\"}");
    runtime = TestRuntime.builder(root, "", executor).build().start();
    return runtime.dispatcher().handle(TestRuntime.BEFORE);
  }

  private static MediaEvent event(HookPointHandle<MediaEvent, MediaEvent.Changes> handle, String title) {
    return MediaEvent.of("before_media_added", handle.context(), title);
  }

  /** Wedges the guard on another thread, and waits until the watchdog has quarantined it. */
  private void wedgeAndAwaitQuarantine(HookPointHandle<MediaEvent, MediaEvent.Changes> handle)
      throws InterruptedException {
    CompletableFuture.runAsync(() -> {
      try {
        handle.runSync(event(handle, "stuck"));
      } catch (HookVetoException expected) {
        // Its own veto, once released.
      }
    });
    awaitQuarantined();
  }

  /** Until the watchdog has quarantined the guard: kept in its chain, as a failure that vetoes without running. */
  private void awaitQuarantined() throws InterruptedException {
    Await.until(() -> runtime.hook("before_media_added/01_guard.hook").orElseThrow().loadError() != null,
        ABANDONED_WITHIN_MS, "the watchdog quarantined the wedged guard");
  }

  private List<RunRecord> runsOf(String hookId) {
    return runtime.runStore().recent(100).stream().filter(run -> run.hookId().equals(hookId)).toList();
  }

  @Test
  void aGuardRunTheWatchdogAbandonedStillVetoesWhenItComesBack() throws Exception {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = withWedgingGuard();
    CompletableFuture<String> held = CompletableFuture.supplyAsync(
        () -> handle.runSync(event(handle, "stuck")).media().title());
    Await.until(() -> !runsOf("before_media_added/01_guard.hook").isEmpty(), ABANDONED_WITHIN_MS,
        "the watchdog recorded the wedged guard");
    executor.releaseWedged();

    ExecutionException thrown = assertThrows(ExecutionException.class, () -> held.get(5, TimeUnit.SECONDS),
        "the action the guard never finished checking is vetoed, not let through");
    assertTrue(thrown.getCause() instanceof HookVetoException, String.valueOf(thrown.getCause()));
    HookVetoException veto = (HookVetoException) thrown.getCause();
    assertTrue(veto.reason().contains("timeout"), veto.reason());
    assertTrue(runsOf("before_media_added/02_mark.hook").isEmpty(), "the chain stops at the veto");
  }

  @Test
  void aGuardTheWatchdogSwitchedOffVetoesWithoutRunningUntilItsFileChanges() throws Exception {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = withWedgingGuard();
    wedgeAndAwaitQuarantine(handle);
    int runs = executor.runs.get();

    HookVetoException veto = assertThrows(HookVetoException.class, () -> handle.runSync(event(handle, "next")),
        "a switched-off guard guards nothing: the action is vetoed, not let through");
    assertTrue(veto.reason().contains("timeout"), veto.reason());
    assertEquals(runs, executor.runs.get(), "the switched-off guard did not run (it would hold a second thread)");
    assertEquals(1, executor.wedged.get());
    assertEquals(RunStatus.TIMEOUT, runsOf("before_media_added/01_guard.hook").get(0).status());

    runtime.reload();
    assertThrows(HookVetoException.class, () -> handle.runSync(event(handle, "next")), "a reload keeps it off");
    TestRuntime.write(root, "before_media_added/01_guard.hook", "# on_error: veto\n{\"append\": \"?\"}");
    runtime.reload();
    assertEquals("x?!", handle.runSync(event(handle, "x")).media().title(), "a fixed guard runs again");
  }

  @Test
  void anOperatorCanSwitchAQuarantinedGuardBackOn() throws Exception {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = withWedgingGuard();
    wedgeAndAwaitQuarantine(handle);
    runtime.setEnabled("before_media_added/01_guard.hook", true);
    assertEquals("x!", handle.runSync(event(handle, "x")).media().title(), "switched on, it runs again");
  }

  @Test
  void aGuardSkippedForItsRateLimitVetoesTheAction() {
    TestRuntime.write(root, "before_media_added/01_guard.sh", "#!/bin/sh\n# on_error: veto\necho '{}'\n");
    root.resolve("hooks/before_media_added/01_guard.sh").toFile().setExecutable(true);
    runtime = TestRuntime.standard(root, "process:\n  runs_per_minute: 1");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    assertEquals("Heat", handle.runSync(event(handle, "Heat")).media().title(), "the guard's one run passes it");

    HookVetoException veto = assertThrows(HookVetoException.class, () -> handle.runSync(event(handle, "Dupe")),
        "a flood of events must not outrun the guard");
    assertTrue(veto.reason().contains("skipped"), veto.reason());
  }

}
