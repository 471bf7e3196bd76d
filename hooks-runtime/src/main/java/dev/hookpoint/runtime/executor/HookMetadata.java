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
 * @param apiVersion the hook API version it was written for, or {@code null} when it does not say
 * @param retries how many times a durable background run of it is tried again after a timeout or an execution
 *     error, or {@code null} for {@code hooks.async.retries}; it can only lower that count, never raise it
 */
public record HookMetadata(String name, String description, String author, String version, Long timeoutMs,
    OnError onError, SandboxRequest sandbox, java.util.List<Warning> warnings, ApiVersion apiVersion,
    Integer retries) {

  /**
   * The hook API this runtime provides: the event and result shapes, the metadata keys and the Lua helpers that
   * {@code docs/writing-hooks.md} describes. Within one version, changes only add (a new field, helper or key);
   * anything a written hook could notice otherwise is a new version, and a runtime keeps running hooks written
   * for every older version it knows.
   */
  public static final int API_VERSION = 1;

  /**
   * The {@code api_version} a hook declares.
   *
   * @param version the version
   * @param line where it says so
   */
  public record ApiVersion(int version, int line) {}

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
    this(name, description, author, version, timeoutMs, onError, SandboxRequest.NONE, java.util.List.of(), null,
        null);
  }

  /** The retries of a durable background run of this hook: the configured count, or the hook's lower one. */
  public int retries(int configured) {
    return retries == null ? configured : Math.min(configured, retries);
  }

  /**
   * Refuses a hook written for a newer hook API than this runtime's: its results or helpers might mean something
   * this runtime does not do.
   *
   * @throws HookFailure a {@code load_error} saying which version the hook asks for and which this runtime has
   */
  public void requireSupportedApi(String file) throws HookFailure {
    if (apiVersion != null && apiVersion.version() > API_VERSION) {
      throw HookFailure.loadError("the hook asks for hook API version " + apiVersion.version() + " (api_version), "
          + "and this runtime provides version " + API_VERSION + ": update the application's Hookpoint, or use a "
          + "version of the hook written for API " + API_VERSION, file, apiVersion.line());
    }
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
