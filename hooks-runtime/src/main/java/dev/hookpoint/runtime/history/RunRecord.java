package dev.hookpoint.runtime.history;

import dev.hookpoint.runtime.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of one hook, as operators see it in the history.
 *
 * @param runId unique per run
 * @param hookId {@code event/file}
 * @param event the event
 * @param startedAt when it started
 * @param durationMicros how long it took
 * @param status how it ended
 * @param modified whether the hook said it changed something
 * @param changes the changes it returned (validated; applied unless a dry run), as plain data
 * @param message the hook's message, or empty
 * @param error why it failed, or {@code null}
 * @param logs the log lines it wrote (capped)
 * @param dryRun whether it ran as a test
 */
public record RunRecord(
    String runId,
    String hookId,
    String event,
    Instant startedAt,
    long durationMicros,
    RunStatus status,
    boolean modified,
    Map<String, Object> changes,
    String message,
    HookError error,
    List<String> logs,
    boolean dryRun) {

  /** Longest message kept of a hook's result. */
  static final int MAX_MESSAGE = 10_000;

  /** The hook's message is its own text: shown cut and escaped, as its log lines are. */
  public RunRecord {
    message = dev.hookpoint.runtime.executor.HookLog.shown(message, MAX_MESSAGE);
  }
}
