package dev.hookpoint.runtime.executor;

import dev.hookpoint.runtime.contract.HookEvent;
import java.util.Map;

/**
 * One run of one hook.
 *
 * @param runId unique per run, e.g. for {@code HOOK_RUN_ID}
 * @param event the event name
 * @param payload the whole event as plain data, the shape hooks receive
 * @param timeoutMs the run's time limit, already capped by the configured maximum
 * @param deadlineNanos {@link System#nanoTime()} at which the run must be over
 * @param dryRun whether the hook runs as a test
 * @param log where the hook's log lines go
 * @param envVars the documented environment variable of each payload field, by dotted path, for process hooks
 * @param cancellation how the run is stopped from outside; executors register what stops their hook
 * @param typedEvent the event's record, when there is one: an executor may write it to its own form directly
 *     ({@link HookEvent#writeTo}) and never read {@code payload}, which is then never built
 */
public record Invocation(String runId, String event, Map<String, Object> payload, long timeoutMs,
    long deadlineNanos, boolean dryRun, HookLog log, Map<String, String> envVars, Cancellation cancellation,
    HookEvent typedEvent) {

  /** An invocation of a payload that has no record behind it. */
  public Invocation(String runId, String event, Map<String, Object> payload, long timeoutMs, long deadlineNanos,
      boolean dryRun, HookLog log, Map<String, String> envVars, Cancellation cancellation) {
    this(runId, event, payload, timeoutMs, deadlineNanos, dryRun, log, envVars, cancellation, null);
  }

  /** An invocation nothing outside cancels, for tools and tests. */
  public Invocation(String runId, String event, Map<String, Object> payload, long timeoutMs, long deadlineNanos,
      boolean dryRun, HookLog log, Map<String, String> envVars) {
    this(runId, event, payload, timeoutMs, deadlineNanos, dryRun, log, envVars, new Cancellation());
  }

  /** Nanoseconds left before the deadline; negative when past it. */
  public long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }
}
