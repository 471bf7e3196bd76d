package dev.hookpoint.runtime.dispatch;

import dev.hookpoint.runtime.HookDataException;
import dev.hookpoint.runtime.HookPointDescriptor;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.Invocation;
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

  public HookRunner(HookpointConfig.Hooks config, RunStore store, HookMetrics metrics) {
    this.config = config;
    this.store = store;
    this.metrics = metrics;
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
    try {
      if (hook.loadError() != null) {
        throw hook.loadError();
      }
      long timeoutMs = timeoutMs(point, hook);
      PointInfo info = info(point);
      Invocation invocation = new Invocation(runId, point.name(), payload, timeoutMs,
          start + TimeUnit.MILLISECONDS.toNanos(timeoutMs), dryRun, log, info.envVars());
      result = info.parser().parse(hook.executor().run(hook.loaded(), invocation));
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
      LOG.error("[{}] unexpected failure running the hook", hook.id(), e);
    }
    long micros = (System.nanoTime() - start) / 1_000;
    RunRecord record = new RunRecord(runId, hook.id(), point.name(), startedAt, micros, status,
        error == null && result.modified(), error == null ? result.changes() : Map.of(),
        error == null ? result.message() : "", error, log.lines(), dryRun);
    store.record(record);
    metrics.record(hook.id(), status, micros);
    if (error != null) {
      LOG.warn("[{}] {} on {}: {}", hook.id(), status.wireName(), point.name(), error.message());
    }
    return new HookRun<>(record, changes);
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
