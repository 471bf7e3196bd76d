package dev.hookpoint.runtime.executor;

/**
 * What a hook says about itself: from a Lua {@code hook = {...}} table, or a script's header comment.
 *
 * @param name a display name; the file name when the hook gives none
 * @param description what it does, or empty
 * @param author who wrote it, or empty
 * @param version its version, or empty
 * @param timeoutMs its own timeout, or {@code null} for the default; always capped by the configured maximum
 * @param onError whether its failure vetoes a {@code before_} action
 * @param sandbox what a process hook's header asks of its sandbox; only ever narrower than the configuration
 * @param warnings what in it could not be read, each with its line; the hook loads with the defaults instead
 */
public record HookMetadata(String name, String description, String author, String version, Long timeoutMs,
    OnError onError, SandboxRequest sandbox, java.util.List<Warning> warnings) {

  /**
   * A metadata value that does not parse, e.g. {@code # timeout_ms: soon}: reported by {@code hooks check}, while
   * the hook runs with the default. A comment that merely looks like metadata must not keep a hook from running.
   *
   * @param line the line in the hook file
   * @param message what is wrong, the fix, and what applies instead
   */
  public record Warning(int line, String message) {}

  /** Metadata with nothing that failed to read. */
  public HookMetadata(String name, String description, String author, String version, Long timeoutMs,
      OnError onError) {
    this(name, description, author, version, timeoutMs, onError, SandboxRequest.NONE, java.util.List.of());
  }

  /** Longest name, description, author or version kept. */
  static final int MAX_TEXT = 1_000;

  /** What a hook says about itself is shown (hooks list, vetoes, logs) cut and escaped, as its log lines are. */
  public HookMetadata {
    name = HookLog.shown(name, MAX_TEXT);
    description = HookLog.shown(description, MAX_TEXT);
    author = HookLog.shown(author, MAX_TEXT);
    version = HookLog.shown(version, MAX_TEXT);
    warnings = java.util.List.copyOf(warnings);
  }

  /** Metadata of a hook that fails soft. */
  public HookMetadata(String name, String description, String author, String version, Long timeoutMs) {
    this(name, description, author, version, timeoutMs, OnError.IGNORE);
  }

  /** Metadata that only names the hook. */
  public static HookMetadata named(String name) {
    return new HookMetadata(name, "", "", "", null);
  }
}
