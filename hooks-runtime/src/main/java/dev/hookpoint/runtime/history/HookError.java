package dev.hookpoint.runtime.history;

/**
 * Why a run failed.
 *
 * @param category {@code load_error}, {@code execution_error}, {@code timeout}, {@code data_error} or
 *     {@code skipped}
 * @param message what went wrong and, where known, the fix
 * @param file the hook file, or {@code null}
 * @param line the line in it, or {@code null}
 */
public record HookError(String category, String message, String file, Integer line) {

  /** Longest message kept: messages quote what a hook returned (a bad key, a value), which it controls. */
  static final int MAX_MESSAGE = 10_000;

  /** Every message is shown cut and escaped, whichever path built it, so that no hook forges a log line. */
  public HookError {
    message = dev.hookpoint.runtime.executor.HookLog.shown(message, MAX_MESSAGE);
  }
}
