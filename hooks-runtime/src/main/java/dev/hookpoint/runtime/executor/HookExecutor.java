package dev.hookpoint.runtime.executor;

import java.nio.file.Path;

/**
 * Runs one kind of hook file (Lua scripts, executables). The seam the executors plug into: the runtime discovers
 * files, asks each executor in turn whether it {@link #handles} a file, loads it once, and runs it per event.
 *
 * <p>Executors enforce the invocation's deadline themselves and stop a hook that overruns it: the runtime never
 * waits on a separate thread, which keeps a hook run to a few microseconds.
 */
public interface HookExecutor extends AutoCloseable {

  /** A short name for listings, e.g. {@code lua} or {@code process}. */
  String name();

  /**
   * The timeout of hooks that set none, or {@code -1} for {@code hooks.default_timeout_ms}. Always capped by
   * {@code hooks.max_timeout_ms}.
   */
  default long defaultTimeoutMs() {
    return -1;
  }

  /**
   * How long past a run's deadline this executor may still be stopping the hook by itself (the process executor's
   * SIGTERM-to-SIGKILL wait); the runtime's watchdog steps in only after it.
   */
  default long stopGraceMs() {
    return 0;
  }

  /** Whether this executor runs the file. */
  boolean handles(Path file);

  /**
   * Loads a hook: checks and compiles it, and reads its metadata.
   *
   * @param content the file's bytes, read once by the runtime after it checked what the file is, where it lives
   *     and (with {@code hooks.require_lock}) that these bytes are the reviewed ones. An executor runs exactly
   *     these bytes and never reads the file's content itself: it may have changed since.
   * @throws HookFailure a {@code load_error} naming the file, the line and the fix
   */
  LoadedHook load(HookFile file, byte[] content) throws HookFailure;

  /**
   * Runs a loaded hook once.
   *
   * @return the hook's result as plain data (maps, lists, strings, numbers, booleans), or {@code null} when it
   *     returned nothing
   * @throws HookFailure an {@code execution_error}, {@code timeout} or {@code data_error}
   */
  Object run(LoadedHook hook, Invocation invocation) throws HookFailure;

  /** Releases threads and caches. */
  @Override
  default void close() {}
}
