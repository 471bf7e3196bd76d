package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.executor.Cancellation;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.time.Instant;
import java.util.Map;

/**
 * One run of one hook on its way down the steps: what runs, on what, and (once {@link Deadline} has set it) by when.
 *
 * @param event the typed event the hook's changes merge into, or {@code null} when a tool runs a hook on a payload
 * @param payload the whole event as hooks see it
 * @param timeoutMs the run's time limit, or 0 until the deadline step sets it
 * @param deadlineNanos {@link System#nanoTime()} at which the run must be over, once set
 * @param lastAttempt a durable background run's last try: a timeout or execution error makes it {@code dead}
 */
record Attempt(String runId, HookPointDescriptor<?, ?> point, RegisteredHook hook, HookEvent event,
    Map<String, Object> payload, boolean dryRun, Instant startedAt, long startNanos, HookLog log,
    Cancellation cancellation, long timeoutMs, long deadlineNanos, boolean lastAttempt) {

  /** This run with its time limit. */
  Attempt withDeadline(long timeoutMs, long deadlineNanos) {
    return new Attempt(runId, point, hook, event, payload, dryRun, startedAt, startNanos, log, cancellation, timeoutMs,
        deadlineNanos, lastAttempt);
  }

  /** The hook's file, as errors name it. */
  String file() {
    return hook.file().path().toString();
  }
}
