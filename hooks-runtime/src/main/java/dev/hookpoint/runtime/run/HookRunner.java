package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.executor.Cancellation;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.HookMetrics;
import dev.hookpoint.runtime.history.RunListener;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.history.RunStore;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one hook once, fail-soft, as a line of single-purpose steps assembled here, in their order:
 *
 * <ol>
 *   <li>{@link Recording}: the run's record, to every {@link RunListener} (history, metrics, log);
 *   <li>{@link Vetoes}: whether a failure vetoes a {@code before_} action;
 *   <li>{@link FailSoft}: whatever went wrong becomes the run's status and error;
 *   <li>{@link LoadCheck}: a hook that did not load fails with its load error;
 *   <li>{@link Merge}: the typed changes merged into the event;
 *   <li>{@link Decode}: the result's changes as the typed changes record;
 *   <li>{@link Parse}: the raw result checked against the result shape;
 *   <li>{@link Deadline}: the time limit, and the watchdog behind it;
 *   <li>{@link Execute}: the executor runs the hook.
 * </ol>
 *
 * Each step sees the run on its way down and what it came to on its way back up. Whatever the hook does, a run
 * returns with a status; it never throws.
 */
public final class HookRunner {

  private static final Logger LOG = LoggerFactory.getLogger(HookRunner.class);
  private static final AtomicLong RUNS = new AtomicLong();
  private static final String RUN_PREFIX = Long.toString(System.currentTimeMillis(), 36) + "-";

  private final HookpointConfig.Hooks config;
  private final Recording recording = new Recording();
  private final RunStep.Rest steps;

  public HookRunner(HookpointConfig.Hooks config, RunStore store, HookMetrics metrics, Watchdog watchdog) {
    this(config, () -> config, store, metrics, watchdog);
  }

  /** With {@code timeouts} read at each run, so that a timeout changed while the host runs holds for the next. */
  public HookRunner(HookpointConfig.Hooks config, java.util.function.Supplier<HookpointConfig.Hooks> timeouts,
      RunStore store, HookMetrics metrics, Watchdog watchdog) {
    this.config = config;
    recording.listen(store::record);
    recording.listen(run -> metrics.record(run.hookId(), run.status(), run.durationMicros()));
    recording.listen(HookRunner::logFailure);
    PointInfos points = new PointInfos();
    Vetoes vetoes = new Vetoes(config);
    List<RunStep> line = List.of(recording, vetoes, new FailSoft(), new LoadCheck(), new Merge(), new Decode(),
        new Parse(points), new Deadline(timeouts, watchdog, vetoes, recording), new Execute(points));
    RunStep.Rest rest = null;
    for (int i = line.size() - 1; i >= 0; i--) {
      rest = new RunStep.Link(line.get(i), rest);
    }
    this.steps = rest;
  }

  /** Tells {@code listener} about every run from now on, after the history and the metrics. */
  public void listen(RunListener listener) {
    recording.listen(listener);
  }

  /**
   * Runs the hook on the event and, unless a dry run, merges its changes into it: {@link HookRun#merged()}.
   */
  public <E extends HookEvent, C> HookRun<C> run(HookPointDescriptor<E, C> point, RegisteredHook hook, E event,
      boolean dryRun) {
    return run(point, hook, event, new LazyPayload(event), dryRun);
  }

  /**
   * Runs the hook on an event's wire form, as tools do: nothing is merged.
   *
   * @param payload the whole event as hooks see it
   * @param dryRun whether this is a test run
   */
  public <C> HookRun<C> run(HookPointDescriptor<?, C> point, RegisteredHook hook, Map<String, Object> payload,
      boolean dryRun) {
    return run(point, hook, null, payload, dryRun, false);
  }

  /**
   * Runs one try of a durable background run on its stored wire form; on the last try a {@code timeout} or
   * {@code execution_error} is recorded as {@code dead}.
   */
  public <C> HookRun<C> runDelivered(HookPointDescriptor<?, C> point, RegisteredHook hook,
      Map<String, Object> payload, boolean dryRun, boolean lastAttempt) {
    return run(point, hook, null, payload, dryRun, lastAttempt);
  }

  private <C> HookRun<C> run(HookPointDescriptor<?, C> point, RegisteredHook hook, HookEvent event,
      Map<String, Object> payload, boolean dryRun) {
    return run(point, hook, event, payload, dryRun, false);
  }

  @SuppressWarnings("unchecked")
  private <C> HookRun<C> run(HookPointDescriptor<?, C> point, RegisteredHook hook, HookEvent event,
      Map<String, Object> payload, boolean dryRun, boolean lastAttempt) {
    Attempt attempt = new Attempt(RUN_PREFIX + RUNS.incrementAndGet(), point, hook, event, payload, dryRun,
        Instant.now(), System.nanoTime(), new HookLog(hook.id(), config.history().maxLogLines(),
            config.history().maxLogLineLength()), new Cancellation(), 0, 0, lastAttempt);
    Outcome outcome;
    try {
      outcome = steps.proceed(attempt);
    } catch (HookFailure impossible) {
      throw new IllegalStateException("FailSoft lets no failure through", impossible);
    }
    return new HookRun<>(outcome.record(), (C) outcome.changes(), outcome.vetoes(), outcome.merged());
  }

  /**
   * Records a background run the host shut down before: {@code lost}, never run.
   *
   * @param reason why, naming the setting
   */
  public void recordLost(HookPointDescriptor<?, ?> point, RegisteredHook hook, String reason) {
    recording.publish(new RunRecord(RUN_PREFIX + RUNS.incrementAndGet(), hook.id(), point.name(), Instant.now(), 0,
        RunStatus.LOST, false, Map.of(), "", new HookError(RunStatus.LOST.wireName(), reason,
            hook.file().path().toString(), null), List.of(), false));
  }

  private static void logFailure(RunRecord run) {
    if (run.status() == RunStatus.LOST) {
      LOG.error("[{}] lost on {}: {}", run.hookId(), run.event(), run.error().message());
    } else if (run.error() != null) {
      LOG.warn("[{}] {} on {}: {}", run.hookId(), run.status().wireName(), run.event(), run.error().message());
    }
  }
}
