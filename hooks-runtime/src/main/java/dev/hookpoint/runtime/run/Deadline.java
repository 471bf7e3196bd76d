package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Gives the run its time limit and has the {@link Watchdog} watch it. Executors keep their own deadlines; if one
 * cannot, the watchdog stops the run from outside, and past a grace period gives up on it: it records the run
 * itself (a timeout), and whatever the hook returns afterwards is ignored.
 */
final class Deadline implements RunStep {

  /** The timeouts in effect now: the file's, or what an operator set while the host runs. */
  private final java.util.function.Supplier<HookpointConfig.Hooks> config;
  private final Watchdog watchdog;
  private final Vetoes vetoes;
  private final Recording recording;

  Deadline(java.util.function.Supplier<HookpointConfig.Hooks> config, Watchdog watchdog, Vetoes vetoes, Recording recording) {
    this.config = config;
    this.watchdog = watchdog;
    this.vetoes = vetoes;
    this.recording = recording;
  }

  @Override
  public Outcome run(Attempt attempt, Rest rest) throws HookFailure {
    long timeoutMs = timeoutMs(attempt.point(), attempt.hook());
    Attempt timed = attempt.withDeadline(timeoutMs, attempt.startNanos() + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
    Abandoned abandoned = new Abandoned(timed);
    Watchdog.Watch watch = watchdog.watch(attempt.hook().id(), timed.deadlineNanos(),
        attempt.hook().executor().stopGraceMs(), attempt.cancellation(), abandoned);
    Outcome outcome;
    try {
      outcome = rest.proceed(timed);
    } catch (HookFailure | RuntimeException | Error e) {
      if (!watchdog.finish(watch)) {
        return abandoned.outcome();
      }
      throw e;
    }
    return watchdog.finish(watch) ? outcome : abandoned.outcome();
  }

  /** The hook's own timeout, else the event's, else its executor's default; never above the maximum. */
  long timeoutMs(HookPointDescriptor<?, ?> point, RegisteredHook hook) {
    HookpointConfig.Hooks config = this.config.get();
    Long own = hook.metadata().timeoutMs();
    long timeout;
    if (own != null) {
      timeout = own;
    } else if (point.timeoutMs() > 0) {
      timeout = point.timeoutMs();
    } else {
      long executorDefault = hook.executor() == null ? -1 : hook.executor().defaultTimeoutMs();
      timeout = executorDefault > 0 ? executorDefault : config.defaultTimeoutMs();
    }
    return Math.min(timeout, config.maxTimeoutMs());
  }

  /**
   * What the watchdog records when it gives up on a run, on its own thread; the run's thread then never records
   * it. A guard's abandoned run is a timeout like any other, so it vetoes its action when its thread comes back.
   */
  private final class Abandoned implements Runnable {
    private final Attempt attempt;
    private final CountDownLatch recorded = new CountDownLatch(1);
    private volatile RunRecord record;

    Abandoned(Attempt attempt) {
      this.attempt = attempt;
    }

    @Override
    public void run() {
      long micros = (System.nanoTime() - attempt.startNanos()) / 1_000;
      String message = "did not stop at its time limit, even when stopped from outside; its thread was abandoned "
          + "and the hook is switched off until its file changes (a guard keeps vetoing without running)";
      boolean vetoing = vetoes.vetoes(attempt.point(), attempt.hook(), RunStatus.TIMEOUT);
      record = new RunRecord(attempt.runId(), attempt.hook().id(), attempt.point().name(), attempt.startedAt(),
          micros, RunStatus.TIMEOUT, false, Map.of(),
          vetoing ? vetoes.message(attempt.point(), attempt.hook(), RunStatus.TIMEOUT) : "",
          new HookError(RunStatus.TIMEOUT.wireName(), message, attempt.file(), null), attempt.log().lines(),
          attempt.dryRun());
      recorded.countDown();
      recording.publish(record);
    }

    /** The run as its own thread returns it, once it comes back: no changes, and a guard's veto. */
    Outcome outcome() {
      return Outcome.abandoned(awaitRecord(), vetoes.vetoes(attempt.point(), attempt.hook(), RunStatus.TIMEOUT));
    }

    /** The record, once the watchdog (which has claimed the run) has written it. */
    private RunRecord awaitRecord() {
      try {
        recorded.await();
      } catch (InterruptedException e) {
        // The watchdog interrupts the abandoned thread; the record follows at once.
        Thread.currentThread().interrupt();
        while (record == null) {
          Thread.onSpinWait();
        }
      }
      return record;
    }
  }
}
