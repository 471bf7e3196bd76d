package dev.hookpoint.runtime.config;

import dev.hookpoint.runtime.executor.OnError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything Hookpoint reads from {@code config.yaml}. Every key has a documented default (see
 * {@link #defaults()} and {@code docs/configuration.md}); snake_case in YAML, camelCase here.
 *
 * @param store where the runtime keeps hook switches and run history when the host gives it no store of its own
 * @param hooks how hooks are found and run
 */
public record HookpointConfig(Store store, Hooks hooks) {

  /** The configuration when there is no file. */
  public static HookpointConfig defaults() {
    return new HookpointConfig(new Store(""), new Hooks(true, "hooks", true, 5_000, 30_000,
        30_000, true, false, true, 8L * 1024 * 1024,
        new Async(Delivery.AUTO, 2, 2, 10_000, WhenFull.DROP, 5_000, 3, 1_000, 1_000, 30_000, 100_000),
        new History(1_000, 100, 1_000),
        new Lua(10_000_000, 50L * 1024 * 1024, 200, new Http(true, List.of(), 60, 1024 * 1024)),
        new Process(Map.of(), 4, 60, 1024 * 1024, 1_000, SandboxKind.AUTO, true, 65534, 512, 64, 60, 64),
        Map.of(), new Dashboard("", "", "")));
  }

  /**
   * The hooks directory: absolute as configured, or relative to {@code baseDirectory}.
   *
   * @param baseDirectory what relative paths are relative to: the working directory, unless the host says otherwise
   */
  public Path hooksDirectory(Path baseDirectory) {
    return baseDirectory.toAbsolutePath().resolve(hooks.directory()).normalize();
  }

  /**
   * The default store's SQLite file: {@code store.path} (absolute, or relative to {@code baseDirectory}), or when
   * that is empty, {@code <hooks directory>.db} beside the hooks directory (outside it: discovery and the reloader
   * never see it, and no event directory holds it).
   */
  public Path storeFile(Path baseDirectory) {
    if (!store.path().isBlank()) {
      return baseDirectory.toAbsolutePath().resolve(store.path()).normalize();
    }
    Path directory = hooksDirectory(baseDirectory);
    Path name = directory.getFileName();
    return directory.resolveSibling((name == null ? "hooks" : name.toString()) + ".db");
  }

  /** @param path the default store's SQLite file; empty for {@code <hooks directory>.db} beside the hooks */
  public record Store(String path) {}

  /**
   * @param enabled {@code false} runs the host with no hooks at all
   * @param directory where hooks live, {@code <event>/NN_name.ext} inside
   * @param hotReload watch the directory and reload on change
   * @param defaultTimeoutMs Lua hooks' timeout unless their metadata says otherwise
   * @param processTimeoutMs process hooks' timeout unless their metadata says otherwise
   * @param maxTimeoutMs the cap on any hook's timeout, whatever its metadata says
   * @param strictPermissions refuse hook files and directories others may write to
   * @param requireLock run only hooks whose SHA-256 matches {@code hooks.lock}
   * @param allowSymlinks load hooks that are symbolic links (checked, hashed and run as their target's content)
   * @param maxFileBytes larger hook files are refused before they are read
   * @param async the background executor of on_ and async after_ events
   * @param history how much of the run history is kept
   * @param lua the Lua sandbox's limits
   * @param process the process executor's limits
   * @param onError per event, whether a failing hook vetoes the action; hooks may also declare it themselves
   * @param dashboard who may use the hooks dashboard ({@code hooks-dashboard})
   */
  public record Hooks(
      boolean enabled,
      String directory,
      boolean hotReload,
      long defaultTimeoutMs,
      long processTimeoutMs,
      long maxTimeoutMs,
      boolean strictPermissions,
      boolean requireLock,
      boolean allowSymlinks,
      long maxFileBytes,
      Async async,
      History history,
      Lua lua,
      Process process,
      Map<String, OnError> onError,
      Dashboard dashboard) {

    /** Whether a failure of this hook vetoes its event's action: the hook or the operator says so. */
    public boolean vetoesOnError(String event, OnError declared) {
      return declared == OnError.VETO || onError.get(event) == OnError.VETO;
    }
  }

  /**
   * Who may use the hooks dashboard. Empty values mean no credential: the dashboard then serves only loopback
   * (its standalone server refuses to bind anything else).
   *
   * @param token an operator token, sent as {@code Authorization: Bearer <token>} (or as a basic-auth password)
   * @param user with {@code password}, a basic-auth credential; both or neither
   * @param password the basic-auth password
   */
  public record Dashboard(String token, String user, String password) {

    /** Whether a token or a credential is configured. */
    public boolean secured() {
      return !token.isEmpty() || !user.isEmpty();
    }

    @Override
    public String toString() {
      return "Dashboard[token=" + (token.isEmpty() ? "" : "***") + ", user=" + user + ", password="
          + (password.isEmpty() ? "" : "***") + "]";
    }
  }

  /**
   * @param delivery how background events are delivered: stored in the database (durable) or queued in memory
   * @param poolSize threads running background hooks in memory delivery
   * @param threads threads running background hooks in durable delivery, per instance
   * @param queueCapacity events waiting for a thread in memory delivery; never unbounded
   * @param whenFull what happens to an event when the memory queue is full
   * @param drainTimeoutMs how long shutdown waits for running (and, in memory, queued) events
   * @param retries durable delivery: how many times a hook that timed out or failed is tried again
   * @param retryBackoffMs durable delivery: the wait before the first retry, doubled for each one after
   * @param pollIntervalMs durable delivery: how often the database is asked for due runs
   * @param heartbeatMs durable delivery: how often a running instance says it is alive; after 6 missed ones its
   *     picked runs are taken over (by another instance, or by this one after a restart)
   * @param maxPending durable delivery: runs stored and not finished (every instance's) beyond which a new event is
   *     handled as {@code whenFull} says, as the memory queue's overflow is
   */
  public record Async(Delivery delivery, int poolSize, int threads, int queueCapacity, WhenFull whenFull,
      long drainTimeoutMs, int retries, long retryBackoffMs, long pollIntervalMs, long heartbeatMs,
      int maxPending) {}

  /** How background events reach their hooks. */
  public enum Delivery {
    /** Durable when the host gives the runtime a {@code DataSource}, memory otherwise. */
    AUTO,
    /** Each (event, hook) stored as a db-scheduler task: survives restarts, retried with backoff. */
    DURABLE,
    /** Queued in memory, as {@code BackgroundRunner} does: lost in a crash, never retried. */
    MEMORY
  }

  /** What to do with a background event when the memory queue is full, or durable runs reach max_pending. */
  public enum WhenFull {
    /** Drop the event, count it, and log it: the host never waits. */
    DROP,
    /** Run the hooks on the caller's thread: nothing is lost, the host slows down. */
    CALLER_RUNS
  }

  /**
   * @param maxRuns runs kept by the history, in the store or in memory; older ones are deleted
   * @param maxLogLines log lines kept per run
   * @param maxLogLineLength characters kept per log line
   */
  public record History(int maxRuns, int maxLogLines, int maxLogLineLength) {}

  /**
   * @param maxInstructions Lua VM instructions per run
   * @param maxMemoryBytes bytes a run may allocate
   * @param maxCallDepth nested Lua calls per run
   * @param http the {@code http} helper
   */
  public record Lua(long maxInstructions, long maxMemoryBytes, int maxCallDepth, Http http) {}

  /**
   * @param enabled whether Lua hooks get the {@code http} helper
   * @param allowHosts hosts allowed even if loopback, private or link-local
   * @param requestsPerMinute per hook
   * @param maxResponseBytes larger responses are cut off with an error
   */
  public record Http(boolean enabled, List<String> allowHosts, int requestsPerMinute, long maxResponseBytes) {}

  /**
   * @param env extra environment variables for process hooks; nothing of the host's own is passed
   * @param maxConcurrent hook processes running at once across all hooks
   * @param runsPerMinute per hook; more runs are skipped
   * @param maxOutputBytes stdout beyond this kills the process
   * @param killGraceMs between SIGTERM and SIGKILL on timeout
   * @param sandbox what contains a hook process: bubblewrap, nothing, or bubblewrap when it is there and works
   * @param network whether a sandboxed hook keeps the network; {@code false} gives it none at all
   * @param user the uid (and gid) a sandboxed hook runs as when the host runs as root
   * @param maxMemoryMb a sandboxed hook's address space (RLIMIT_AS), per process
   * @param maxProcesses processes of the hook user at once (RLIMIT_NPROC), when the host runs as root
   * @param maxCpuSeconds CPU time of each sandboxed hook process (RLIMIT_CPU)
   * @param maxFileMb the largest file a sandboxed hook process may write (RLIMIT_FSIZE)
   */
  public record Process(Map<String, String> env, int maxConcurrent, int runsPerMinute, long maxOutputBytes,
      long killGraceMs, SandboxKind sandbox, boolean network, int user, long maxMemoryMb, int maxProcesses,
      long maxCpuSeconds, long maxFileMb) {}

  /** What contains a process hook. */
  public enum SandboxKind {
    /** Bubblewrap when it is installed and a probe run of it works; otherwise none, saying why at start. */
    AUTO,
    /** Bubblewrap, or no process hook runs. */
    BWRAP,
    /** Today's executor without a sandbox: its own session, and a /proc sweep after each run. */
    NONE
  }
}
