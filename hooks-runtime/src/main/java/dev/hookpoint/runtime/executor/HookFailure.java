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
  private transient HookMetadata metadata;

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

  /**
   * Adds what could still be read of the hook's metadata although it failed to load (a Lua syntax error below
   * its {@code hook = {...}} table, a script that is not executable), so that a guard's {@code on_error: veto}
   * holds even then.
   */
  public HookFailure withMetadata(HookMetadata metadata) {
    this.metadata = metadata;
    return this;
  }

  /** The hook's metadata as far as it could be read, or {@code null}. */
  public HookMetadata metadata() {
    return metadata;
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
