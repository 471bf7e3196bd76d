package dev.hookpoint.runtime.dispatch;

import dev.hookpoint.runtime.HookDataException;
import dev.hookpoint.runtime.HookPointDescriptor;
import dev.hookpoint.runtime.Phase;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.executor.Cancellation;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.Invocation;
import dev.hookpoint.runtime.executor.OnError;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.HookMetrics;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.history.RunStore;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.time.Instant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one hook once, fail-soft: works out its timeout, calls its executor, checks the result and decodes its
 * changes, then records the run. Whatever the hook does, this returns a run with a status; it never throws.
 */
public final class HookRunner {

  private static final Logger LOG = LoggerFactory.getLogger(HookRunner.class);
  private static final AtomicLong RUNS = new AtomicLong();
  private static final String RUN_PREFIX = Long.toString(System.currentTimeMillis(), 36) + "-";

  private final HookpointConfig.Hooks config;
  private final RunStore store;
  private final HookMetrics metrics;
  private final Watchdog watchdog;
  private final Map<String, PointInfo> points = new ConcurrentHashMap<>();

  /** What runs of one hook point share, worked out once per descriptor. */
  private record PointInfo(HookPointDescriptor<?, ?> point, ResultParser parser, Map<String, String> envVars) {
    static PointInfo of(HookPointDescriptor<?, ?> point) {
      Map<String, String> envVars = new java.util.LinkedHashMap<>();
      for (dev.hookpoint.runtime.FieldInfo field : point.fields()) {
        if (field.envVar() != null) {
          envVars.put(field.path(), field.envVar());
        }
      }
      return new PointInfo(point, new ResultParser(point), Map.copyOf(envVars));
    }
  }

  public HookRunner(HookpointConfig.Hooks config, RunStore store, HookMetrics metrics, Watchdog watchdog) {
    this.config = config;
    this.store = store;
    this.metrics = metrics;
    this.watchdog = watchdog;
  }

  /**
   * Runs the hook on the event's wire form.
   *
   * @param payload the whole event as hooks see it
   * @param dryRun whether this is a test run
   */
  public <C> HookRun<C> run(HookPointDescriptor<?, C> point, RegisteredHook hook, Map<String, Object> payload,
      boolean dryRun) {
    return run(point, hook, payload, dryRun, null);
  }

  /**
   * Runs the hook, then hands its decoded changes to {@code apply} (unless a dry run). If the host refuses them
   * (its records may validate their values), the run is a data error and the changes are ignored.
   */
  public <C> HookRun<C> run(HookPointDescriptor<?, C> point, RegisteredHook hook, Map<String, Object> payload,
      boolean dryRun, java.util.function.Consumer<C> apply) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    String runId = RUN_PREFIX + RUNS.incrementAndGet();
    HookLog log = new HookLog(hook.id(), config.history().maxLogLines(), config.history().maxLogLineLength());
    RunStatus status;
    HookResult result = HookResult.NOTHING;
    C changes = null;
    HookError error = null;
    Cancellation cancellation = new Cancellation();
    try {
      if (hook.loadError() != null) {
        throw hook.loadError();
      }
      long timeoutMs = timeoutMs(point, hook);
      PointInfo info = info(point);
      long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
      Invocation invocation = new Invocation(runId, point.name(), payload, timeoutMs, deadline, dryRun, log,
          info.envVars(), cancellation);
      Object raw;
      AbandonedRun<C> abandoned = new AbandonedRun<>(runId, hook, point, startedAt, start, log, dryRun);
      Watchdog.Watch watch = watchdog.watch(hook.id(), deadline, hook.executor().stopGraceMs(), cancellation,
          abandoned);
      try {
        raw = hook.executor().run(hook.loaded(), invocation);
      } catch (HookFailure | RuntimeException | Error e) {
        if (!watchdog.finish(watch)) {
          return abandoned.returned();
        }
        throw e;
      }
      if (!watchdog.finish(watch)) {
        // The watchdog recorded this run when it gave up on it; whatever the hook did since is ignored.
        return abandoned.returned();
      }
      result = info.parser().parse(raw);
      if (!result.changes().isEmpty()) {
        changes = point.decoder().decode(result.changes());
        if (apply != null && !dryRun) {
          try {
            apply.accept(changes);
          } catch (RuntimeException e) {
            throw new HookDataException("", "values the host accepts", List.of(),
                "the host rejected the changes: " + e.getMessage());
          }
        }
      }
      status = result.halt() ? RunStatus.HALTED : RunStatus.OK;
    } catch (HookFailure failure) {
      status = failure.category();
      error = new HookError(status.wireName(), failure.getMessage(), failure.file(), failure.line());
    } catch (ResultParser.InvalidResultException | HookDataException e) {
      status = RunStatus.DATA_ERROR;
      error = new HookError(status.wireName(), e.getMessage() + (e instanceof HookDataException
          ? "; the hook's changes were ignored" : ""), hook.file().path().toString(), null);
      changes = null;
    } catch (RuntimeException | Error e) {
      // Whatever went wrong in an executor (a bug, a thread that could not be started) stays with this hook.
      status = RunStatus.EXECUTION_ERROR;
      error = new HookError(status.wireName(), "the hook failed unexpectedly: " + e,
          hook.file().path().toString(), null);
      // The message may carry what the hook wrote; the host's log gets it escaped, the stack trace only at debug.
      LOG.error("[{}] unexpected failure running the hook: {}", hook.id(), HookLog.shown(e.toString(), 2_000));
      LOG.debug("[{}] unexpected failure running the hook", hook.id(), e);
    }
    if (error != null && cancellation.isCancelled()
        && (cancellation.status() != RunStatus.TIMEOUT || status != RunStatus.TIMEOUT)) {
      // Stopped from outside: how it ended is the stop's doing (a killed process exits non-zero, say), unless the
      // executor saw its own timeout, which it words best.
      status = cancellation.status();
      error = new HookError(status.wireName(), cancellation.message(), hook.file().path().toString(), null);
    }
    boolean vetoes = vetoes(point, hook, status);
    String message = error == null ? result.message() : vetoes ? vetoMessage(point, hook, status) : "";
    long micros = (System.nanoTime() - start) / 1_000;
    RunRecord record = new RunRecord(runId, hook.id(), point.name(), startedAt, micros, status,
        error == null && result.modified(), error == null ? result.changes() : Map.of(),
        message, error, log.lines(), dryRun);
    store.record(record);
    metrics.record(hook.id(), status, micros);
    if (error != null) {
      LOG.warn("[{}] {} on {}: {}", hook.id(), status.wireName(), point.name(), error.message());
    }
    return new HookRun<>(record, changes, vetoes);
  }

  /**
   * Records a background run the host shut down before: {@code lost}, never run.
   *
   * @param reason why, naming the setting
   */
  public void recordLost(HookPointDescriptor<?, ?> point, RegisteredHook hook, String reason) {
    RunRecord record = new RunRecord(RUN_PREFIX + RUNS.incrementAndGet(), hook.id(), point.name(), Instant.now(),
        0, RunStatus.LOST, false, Map.of(), "", new HookError(RunStatus.LOST.wireName(), reason,
            hook.file().path().toString(), null), List.of(), false);
    store.record(record);
    metrics.record(hook.id(), RunStatus.LOST, 0);
    LOG.error("[{}] lost on {}: {}", hook.id(), point.name(), reason);
  }

  /**
   * Whether this failure vetoes a before_ action: the design's four error categories, of a guard, and a guard's
   * run skipped for its rate limit. A guard that did not run guarded nothing; were a skip to pass, a flood of
   * events would outrun any guard.
   */
  private boolean vetoes(HookPointDescriptor<?, ?> point, RegisteredHook hook, RunStatus status) {
    boolean failed = status == RunStatus.LOAD_ERROR || status == RunStatus.EXECUTION_ERROR
        || status == RunStatus.TIMEOUT || status == RunStatus.DATA_ERROR || status == RunStatus.SKIPPED;
    return failed && point.phase() == Phase.BEFORE
        && config.vetoesOnError(point.name(), hook.metadata().onError());
  }

  private String vetoMessage(HookPointDescriptor<?, ?> point, RegisteredHook hook, RunStatus status) {
    return "vetoed " + point.name() + ": the hook failed (" + status.wireName() + ") and " + vetoRule(point, hook);
  }

  private String vetoRule(HookPointDescriptor<?, ?> point, RegisteredHook hook) {
    return hook.metadata().onError() == OnError.VETO ? "declares on_error: veto"
        : "hooks.on_error." + point.name() + " is veto";
  }

  /**
   * What the watchdog records when it gives up on a run; the run's own thread never records it then. A guard's
   * abandoned run is a timeout like any other, so it vetoes its action when its thread comes back.
   */
  private final class AbandonedRun<C> implements Runnable {
    private final String runId;
    private final RegisteredHook hook;
    private final HookPointDescriptor<?, ?> point;
    private final Instant startedAt;
    private final long start;
    private final HookLog log;
    private final boolean dryRun;
    private final java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
    private volatile RunRecord record;

    AbandonedRun(String runId, RegisteredHook hook, HookPointDescriptor<?, ?> point, Instant startedAt, long start,
        HookLog log, boolean dryRun) {
      this.runId = runId;
      this.hook = hook;
      this.point = point;
      this.startedAt = startedAt;
      this.start = start;
      this.log = log;
      this.dryRun = dryRun;
    }

    @Override
    public void run() {
      long micros = (System.nanoTime() - start) / 1_000;
      String message = "did not stop at its time limit, even when stopped from outside; its thread was abandoned "
          + "and the hook is switched off until its file changes (a guard keeps vetoing without running)";
      String vetoed = vetoes(point, hook, RunStatus.TIMEOUT) ? vetoMessage(point, hook, RunStatus.TIMEOUT) : "";
      RunRecord abandoned = new RunRecord(runId, hook.id(), point.name(), startedAt, micros, RunStatus.TIMEOUT, false,
          Map.of(), vetoed, new HookError(RunStatus.TIMEOUT.wireName(), message, hook.file().path().toString(), null),
          log.lines(), dryRun);
      record = abandoned;
      recorded.countDown();
      store.record(abandoned);
      metrics.record(hook.id(), RunStatus.TIMEOUT, micros);
    }

    /** The run as its own thread returns it, once it comes back: no changes, and a guard's veto. */
    HookRun<C> returned() {
      return new HookRun<>(awaitRecord(), null, vetoes(point, hook, RunStatus.TIMEOUT));
    }

    /** The record, once the watchdog (which has claimed the run) has written it. */
    RunRecord awaitRecord() {
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

  /** The hook's own timeout, else the event's, else its executor's default; never above the maximum. */
  long timeoutMs(HookPointDescriptor<?, ?> point, RegisteredHook hook) {
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
   * Looked up by name, then checked by identity: two catalogs may describe one event with different fields (as
   * the dispatcher's handles allow), and a record's hashCode would walk every field on each run.
   */
  private PointInfo info(HookPointDescriptor<?, ?> point) {
    PointInfo info = points.get(point.name());
    if (info == null || info.point() != point) {
      info = PointInfo.of(point);
      points.put(point.name(), info);
    }
    return info;
  }

}
