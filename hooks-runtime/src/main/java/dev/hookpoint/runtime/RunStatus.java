package dev.hookpoint.runtime;

import java.util.Locale;

/** How one hook run ended. The error categories are the design's four, plus {@code skipped}, {@code lost} and {@code dead}. */
public enum RunStatus {
  /** The hook ran; its changes (if any) were accepted. */
  OK,
  /** The hook asked to stop the chain; for before_ events, the action was vetoed. */
  HALTED,
  /** The hook could not be loaded: missing file, syntax error, bad permissions, checksum mismatch. */
  LOAD_ERROR,
  /** The hook failed while running: a runtime error, a non-zero exit, a sandbox violation. */
  EXECUTION_ERROR,
  /** The hook ran past its time (or instruction, or memory) limit and was stopped. */
  TIMEOUT,
  /** The hook returned something that is not a valid result; its changes were ignored. */
  DATA_ERROR,
  /** The hook did not run: disabled, or over its rate limit. */
  SKIPPED,
  /**
   * A background run the host shut down before: still queued, or still running, when
   * {@code hooks.async.drain_timeout_ms} ran out.
   */
  LOST,
  /**
   * A durable background run that failed ({@code timeout} or {@code execution_error}) on its last attempt, after
   * {@code hooks.async.retries} retries: it is not tried again.
   */
  DEAD;

  /** The name in JSON output and the run history, e.g. {@code execution_error}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the run counts as an error in metrics: the design's four categories, lost and dead runs. */
  public boolean isError() {
    return this == LOAD_ERROR || this == EXECUTION_ERROR || this == TIMEOUT || this == DATA_ERROR || this == LOST || this == DEAD;
  }
}
