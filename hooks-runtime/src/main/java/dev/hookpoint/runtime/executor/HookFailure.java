package dev.hookpoint.runtime.executor;

import dev.hookpoint.runtime.RunStatus;

/**
 * A hook failed in a known way. Executors throw it with the category and, when known, the hook file's line, so
 * that the run history and {@code hooks check} can point at the fix.
 */
public final class HookFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final RunStatus category;
  private final String file;
  private final Integer line;

  public HookFailure(RunStatus category, String message, String file, Integer line) {
    super(message);
    if (category == RunStatus.OK || category == RunStatus.HALTED) {
      throw new IllegalArgumentException("not a failure: " + category);
    }
    this.category = category;
    this.file = file;
    this.line = line;
  }

  public static HookFailure loadError(String message, String file, Integer line) {
    return new HookFailure(RunStatus.LOAD_ERROR, message, file, line);
  }

  public static HookFailure executionError(String message, String file, Integer line) {
    return new HookFailure(RunStatus.EXECUTION_ERROR, message, file, line);
  }

  public static HookFailure timeout(String message, String file) {
    return new HookFailure(RunStatus.TIMEOUT, message, file, null);
  }

  public static HookFailure dataError(String message, String file) {
    return new HookFailure(RunStatus.DATA_ERROR, message, file, null);
  }

  public static HookFailure skipped(String message, String file) {
    return new HookFailure(RunStatus.SKIPPED, message, file, null);
  }

  public RunStatus category() {
    return category;
  }

  /** The hook file, or {@code null}. */
  public String file() {
    return file;
  }

  /** The line in the hook file, or {@code null} when unknown. */
  public Integer line() {
    return line;
  }
}
