package dev.hookpoint.runtime.history;

import dev.hookpoint.runtime.executor.HookFailure;
import java.util.LinkedHashMap;
import java.util.Map;

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

  /** The error a failure of a hook is recorded as. */
  public static HookError of(HookFailure failure) {
    return new HookError(failure.category().wireName(), failure.getMessage(), failure.file(), failure.line());
  }

  /**
   * The error as the operators' JSON shows it ({@code hooks runs --json}, {@code hooks list --json}, the
   * dashboard's API): {@code category}, {@code message}, {@code file}, {@code line}.
   */
  public Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("category", category);
    wire.put("message", message);
    wire.put("file", file);
    wire.put("line", line);
    return wire;
  }
}
