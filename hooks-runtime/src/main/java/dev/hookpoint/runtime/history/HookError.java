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
public record HookError(String category, String message, String file, Integer line) {}
