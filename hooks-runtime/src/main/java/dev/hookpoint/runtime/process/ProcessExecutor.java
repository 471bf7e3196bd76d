package dev.hookpoint.runtime.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.ProcessSandbox;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.discovery.HeaderMetadata;
import dev.hookpoint.runtime.discovery.IgnoredFiles;
import dev.hookpoint.runtime.executor.HookExecutor;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.Invocation;
import dev.hookpoint.runtime.executor.LoadedHook;
import dev.hookpoint.runtime.executor.RateLimit;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs executable hooks (shell, Python, binaries) as processes: the hook's directory as working directory, a clean
 * environment, the event as JSON on stdin, the result as JSON on stdout, stderr into the run's log. A
 * {@link Sandbox} contains the process: with bubblewrap, killing it ends everything the hook started; with none,
 * each hook leads its own session ({@code setsid}) and {@code /proc} is swept for what it left behind. Either way a
 * timeout sends SIGTERM, then SIGKILL after the grace period. Linux and macOS (none only); Windows is not supported.
 */
public final class ProcessExecutor implements HookExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessExecutor.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How many times cleanup looks again for processes forked while it was killing the ones it found. */
  private static final int MAX_SWEEPS = 20;
  /** Between cleanup passes that found something, so SIGKILLed processes are gone before the run returns. */
  private static final long SWEEP_PAUSE_MS = 5;
  /**
   * Between looks for the sandbox's init while bwrap sets it up (1–2 ms). Looking every 50 µs took CPU from bwrap on
   * two cores and made the whole run 1.3 ms slower; every 500 µs it overlaps the set-up.
   */
  private static final long INIT_POLL_NANOS = 500_000;
  /** How long a finished hook's output may take to drain before whatever still holds the pipe is stopped. */
  private static final long DRAIN_MS = 100;

  private final HookpointConfig.Hooks config;
  private final java.util.function.LongSupplier timeoutMs;
  private final Semaphore running;
  private final Map<String, RateLimit> rates = new ConcurrentHashMap<>();
  private final PrivateCopies copies = new PrivateCopies();
  private final Sandbox sandbox;
  private final ProcessSandbox inUse;

  public ProcessExecutor(HookpointConfig.Hooks config) {
    this(config, config::processTimeoutMs);
  }

  /** With {@code timeoutMs} as the default timeout, read at each run: the runtime's live setting. */
  public ProcessExecutor(HookpointConfig.Hooks config, java.util.function.LongSupplier timeoutMs) {
    this.config = config;
    this.timeoutMs = timeoutMs;
    this.running = new Semaphore(config.process().maxConcurrent(), true);
    Sandboxes.Choice choice = Sandboxes.choose(config.process());
    this.sandbox = choice.sandbox();
    this.inUse = new ProcessSandbox(sandbox.name(), choice.why());
    if (sandbox.containsItsProcesses()) {
      LOG.info("process hooks run in the {} sandbox ({})", sandbox.name(), choice.why());
    } else if (config.process().sandbox() == HookpointConfig.SandboxKind.NONE) {
      LOG.warn("process hooks run WITHOUT a sandbox (hooks.process.sandbox: none): they can read and change "
          + "whatever the host's user can");
    } else {
      LOG.warn("process hooks run WITHOUT a sandbox: {}", choice.why());
    }
  }

  /** The sandbox process hooks run in: {@code bwrap} or {@code none}. */
  public String sandboxName() {
    return sandbox.name();
  }

  /**
   * The command a run of {@code script} starts, for benchmarks and diagnostics: the same command line the executor
   * builds for each run, sandbox and all.
   *
   * @param home the run's private home and temp directory
   */
  public List<String> commandLine(Path script, Path home) throws IOException {
    Path absolute = script.toAbsolutePath();
    return sandbox.command(spec(absolute, absolute, home, SandboxLimits.of(config.process())));
  }

  /**
   * One run's sandbox: the copy that runs, the hook's directory it runs in, and, in a sandbox, the other hooks there,
   * hidden behind an empty file.
   *
   * @param hookFile the hook's own file in the hooks directory
   */
  private Sandbox.SandboxSpec spec(Path copy, Path hookFile, Path home, SandboxLimits limits) throws IOException {
    List<Path> others = sandbox.containsItsProcesses() ? otherHooks(hookFile) : List.of();
    return new Sandbox.SandboxSpec(copy, hookFile.getParent(), home, limits, others,
        others.isEmpty() ? null : copies.empty());
  }

  /**
   * The files beside a hook that are hooks too: regular files (not links, not directories) that discovery does not
   * ignore. Read when each run starts, so a hook added since is hidden as well.
   */
  static List<Path> otherHooks(Path hook) {
    List<Path> others = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(hook.getParent())) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.equals(hook.getFileName().toString()) && !IgnoredFiles.isIgnored(name)
            && Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          others.add(entry);
        }
      }
    } catch (IOException e) {
      // An unreadable directory: the hook cannot start from it either.
    }
    return others;
  }

  /** The sandbox process hooks run in, and why that one. */
  public ProcessSandbox sandbox() {
    return inUse;
  }


  /**
   * An executable hook, its header metadata, the private copy of the bytes that were checked, which runs, and the
   * limits it runs with.
   */
  record ProcessHook(HookFile file, HookMetadata metadata, PrivateCopies.Copy copy, SandboxLimits limits)
      implements LoadedHook {}

  @Override
  public String name() {
    return "process";
  }

  @Override
  public long defaultTimeoutMs() {
    return timeoutMs.getAsLong();
  }

  @Override
  public long stopGraceMs() {
    return config.process().killGraceMs();
  }

  /** Every file that is not a Lua script; whether it is executable is checked when it loads. */
  @Override
  public boolean handles(Path file) {
    return !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".lua");
  }

  @Override
  public LoadedHook load(HookFile file, byte[] content) throws HookFailure {
    String path = file.path().toString();
    List<String> header = headerLines(content);
    HookMetadata metadata = HeaderMetadata.parse(header, file.fileName());
    List<HookMetadata.Warning> warnings = new ArrayList<>();
    SandboxLimits limits = SandboxLimits.of(config.process()).narrowedBy(metadata.sandbox(), warnings);
    if (!sandbox.containsItsProcesses() && !metadata.sandbox().isEmpty()) {
      warnings.add(new HookMetadata.Warning(metadata.sandbox().firstLine(), "asks its sandbox for less network or "
          + "lower limits, which only a sandbox can give; process hooks run without one here (" + inUse.why() + ")"));
    }
    if (!warnings.isEmpty()) {
      metadata = HeaderMetadata.parse(header, file.fileName(), warnings);
    }
    if (!Files.isExecutable(file.path())) {
      throw HookFailure.loadError("not executable: chmod +x " + file.path(), path, null).withMetadata(metadata);
    }
    try {
      return new ProcessHook(file, metadata, copies.write(file.fileName(), content), limits);
    } catch (IOException e) {
      throw HookFailure.loadError("cannot write the private copy it runs from: " + e.getMessage(), path, null);
    }
  }

  /** The first lines of a script; none for a binary. */
  private static List<String> headerLines(byte[] content) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content),
        StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null && lines.size() < 40; line = reader.readLine()) {
        if (line.indexOf('\0') >= 0) {
          return List.of();
        }
        lines.add(line);
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return lines;
  }

  @Override
  public Object run(LoadedHook loaded, Invocation invocation) throws HookFailure {
    ProcessHook hook = (ProcessHook) loaded;
    String path = hook.file().path().toString();
    if (!rates.computeIfAbsent(hook.file().id(), id -> new RateLimit(config.process().runsPerMinute()))
        .tryAcquire()) {
      throw HookFailure.skipped("over its rate limit of " + config.process().runsPerMinute()
          + " runs per minute (hooks.process.runs_per_minute)", path);
    }
    if (!acquireSlot(invocation)) {
      throw HookFailure.timeout("waited " + invocation.timeoutMs() + " ms for one of the "
          + config.process().maxConcurrent() + " process slots (hooks.process.max_concurrent)", path);
    }
    Path home = null;
    try {
      home = home(invocation);
      return new Run(hook, invocation, home).execute();
    } catch (IOException e) {
      throw HookFailure.executionError("cannot start: " + e.getMessage(), path, null);
    } finally {
      running.release();
      PrivateCopies.deleteTree(home);
    }
  }

  /**
   * The run's private home: a new directory on the host without a sandbox; in one, only a path, where the sandbox
   * mounts a fresh tmpfs of its own (a directory on the host would only be made and removed again, 0.3 ms a run).
   */
  private Path home(Invocation invocation) throws IOException {
    if (!sandbox.containsItsProcesses()) {
      return Files.createTempDirectory("hookpoint-home-");
    }
    // Only a name inside the sandbox, unique per run; nothing of the host in it (not even the JVM's pid).
    return Path.of(System.getProperty("java.io.tmpdir"), "hookpoint-home-"
        + invocation.runId().replaceAll("[^A-Za-z0-9-]", "_")).toAbsolutePath();
  }

  private boolean acquireSlot(Invocation invocation) {
    try {
      return running.tryAcquire(Math.max(0, invocation.remainingNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One process run, start to cleanup. */
  private final class Run {
    private final ProcessHook hook;
    private final Invocation invocation;
    private final Path home;
    private final String path;
    private final long startTicks = ProcessTable.ticksNow();
    /** Read before the hook starts, so the sweep can tell whether pids wrapped around during the run. */
    private final PidCounters startCounters = sandbox.containsItsProcesses() ? null : PidCounters.recentOrNow();
    /** The sandbox's init, bwrap's child: the run has ended when it has. Empty with no sandbox. */
    private List<Long> inits = List.of();

    Run(ProcessHook hook, Invocation invocation, Path home) {
      this.hook = hook;
      this.invocation = invocation;
      this.home = home;
      this.path = hook.file().path().toString();
    }

    Object execute() throws HookFailure, IOException {
      // What runs is the private copy of the checked bytes; where it runs stays the hook's own directory.
      Path hookFile = hook.file().path().toAbsolutePath();
      Path directory = hookFile.getParent();
      List<String> command = sandbox.command(spec(hook.copy().path(), hookFile, home, hook.limits()));
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
      builder.environment().clear();
      builder.environment().putAll(HookEnvironment.of(invocation, home, config.process().env()));
      byte[] event = JSON.writeValueAsBytes(invocation.payload());
      Process process = start(builder);
      long session = process.pid();
      if (sandbox.containsItsProcesses()) {
        inits = namespaceInit(process);
      }
      // The watchdog, or a shutdown, stops the hook from outside; the wait below then returns.
      invocation.cancellation().onCancel(process::destroyForcibly);
      try {
        StreamPumps.feed(process.getOutputStream(), event);
        CompletableFuture<StreamPumps.Output> stdout = StreamPumps.collect(process.getInputStream(),
            config.process().maxOutputBytes(), () -> stop(process, session, true));
        CompletableFuture<List<String>> stderr = StreamPumps.log(process.getErrorStream(), invocation.log());
        if (!process.waitFor(Math.max(0, invocation.remainingNanos()), TimeUnit.NANOSECONDS)) {
          stopGracefully(process, session);
          throw HookFailure.timeout("stopped after " + invocation.timeoutMs() + " ms (its time limit)", path);
        }
        StreamPumps.Output output = drain(stdout, process, session);
        List<String> tail = drain(stderr, process, session);
        if (output.overflowed()) {
          throw HookFailure.dataError("wrote more than " + config.process().maxOutputBytes()
              + " bytes to stdout (hooks.process.max_output_bytes), so it was stopped; it began with: "
              + preview(output.bytes()), path);
        }
        if (process.exitValue() != 0) {
          // 126 is setsid (or a shell) saying it could not execute the file at all.
          throw HookFailure.executionError("exited with code " + process.exitValue()
              + (tail.isEmpty() ? "" : "; stderr ended with: " + String.join(" | ", tail))
              + (process.exitValue() == 126 ? " (" + noexec() + ")" : "")
              + sandbox.limitHint(process.exitValue(), tail, hook.limits()), path, null);
        }
        return parse(output.bytes());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw HookFailure.timeout("interrupted", path);
      } finally {
        stop(process, session, true);
        process.destroyForcibly();
      }
    }

    private Process start(ProcessBuilder builder) throws HookFailure {
      try {
        return PrivateCopies.start(builder);
      } catch (IOException e) {
        String message = String.valueOf(e.getMessage());
        throw HookFailure.executionError("cannot start: " + message + " (is the first line a valid #! "
            + "interpreter?" + (message.contains("error=13") ? "; " + noexec() : "") + ")", path, 1);
      }
    }

    /** Why a copy may not execute although the hook is fine: a hardened temp directory. */
    private String noexec() {
      return "it runs from a private copy in " + hook.copy().path().getParent().getParent() + ": if "
          + "java.io.tmpdir is mounted noexec, point -Djava.io.tmpdir at a directory that allows execution";
    }

    /** Waits briefly for a stream to end; if a left-behind process holds it open, stops that process. */
    private <T> T drain(CompletableFuture<T> stream, Process process, long session) throws InterruptedException {
      long wait = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(invocation.remainingNanos()), DRAIN_MS));
      try {
        return stream.get(wait, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        stop(process, session, true);
        try {
          return stream.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException again) {
          throw new IllegalStateException("a hook's output did not close after its processes were stopped", again);
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }

    /** SIGTERM to everything the hook started, then SIGKILL after the grace period. */
    private void stopGracefully(Process process, long session) throws InterruptedException {
      stop(process, session, false);
      if (!sandbox.containsItsProcesses()) {
        // bwrap dies of SIGTERM and takes the namespace with it, which would be no grace at all.
        process.destroy();
      }
      if (!process.waitFor(config.process().killGraceMs(), TimeUnit.MILLISECONDS)) {
        LOG.warn("[{}] ignored SIGTERM; killing it", hook.file().id());
      }
      stop(process, session, true);
      process.destroyForcibly();
    }

    /**
     * Signals everything the hook started. With {@code /proc} (Linux) that includes orphans and children that left
     * the session; elsewhere (macOS) only the hook's live descendants can be found.
     */
    private void stop(Process process, long session, boolean force) {
      if (sandbox.containsItsProcesses()) {
        // Killing bwrap kills the namespace's init, and the kernel kills everything else in it.
        if (force) {
          process.destroyForcibly();
          awaitExit(process);
        } else {
          ProcessTable.signal(process.descendants().map(ProcessHandle::pid).toList(), false);
        }
      } else if (ProcessTable.available()) {
        // Repeat while anything is found or unsettled: a process may fork between one pass and its kill, or be
        // caught mid-exec, when it cannot be told apart yet.
        String marker = "HOOK_RUN_ID=" + invocation.runId();
        for (int pass = 0; pass < MAX_SWEEPS; pass++) {
          ProcessTable.Scan scan = ProcessTable.leftBehind(session, startTicks, startCounters, marker);
          if (scan.isEmpty()) {
            return;
          }
          ProcessTable.signal(scan.pids(), force);
          if (!force) {
            return;
          }
          pause();
        }
        LOG.warn("[{}] processes still starting, or started with no environment to tell whose they are, after {} "
            + "passes", hook.file().id(), MAX_SWEEPS);
      } else {
        ProcessTable.signal(process.descendants().map(ProcessHandle::pid).toList(), force);
      }
    }

    /**
     * bwrap's child, the namespace's init, looked up while bwrap still lives: bwrap exits as soon as the hook's main
     * process has, before its init has ended the rest, and after that the init is nobody's child to find.
     */
    private List<Long> namespaceInit(Process process) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      File children = new File("/proc/" + process.pid() + "/task/" + process.pid() + "/children");
      boolean listed = children.exists();
      while (process.isAlive() && System.nanoTime() < deadline) {
        // One small file names bwrap's children; ProcessHandle.children() would read every process on the
        // machine, and polling it in a loop took the CPU bwrap needs to set the sandbox up.
        List<Long> found = listed ? pids(ProcFiles.read(children))
            : process.children().map(ProcessHandle::pid).toList();
        if (!found.isEmpty()) {
          return found;
        }
        LockSupport.parkNanos(INIT_POLL_NANOS);
      }
      return List.of();
    }

    private static List<Long> pids(byte[] list) {
      List<Long> pids = new ArrayList<>(1);
      if (list != null) {
        for (String pid : new String(list, StandardCharsets.US_ASCII).trim().split(" ")) {
          if (!pid.isEmpty()) {
            pids.add(Long.parseLong(pid));
          }
        }
      }
      return pids;
    }

    /**
     * Waits until bwrap and the namespace's init are gone, so a returned run has nothing left running. The init gets
     * its SIGKILL only as bwrap dies (its parent-death signal), and it ends only once the kernel has ended every
     * other process in the namespace.
     */
    private void awaitExit(Process process) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      try {
        process.waitFor(5, TimeUnit.SECONDS);
        while (!inits.stream().allMatch(ProcessTable::ended) && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (process.isAlive() || !inits.stream().allMatch(ProcessTable::ended)) {
        LOG.warn("[{}] the sandbox did not end 5 s after SIGKILL", hook.file().id());
      }
    }

    /** Gives killed processes a moment to die before cleanup looks again. */
    private void pause() {
      try {
        Thread.sleep(SWEEP_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private Object parse(byte[] stdout) throws HookFailure {
      String text = new String(stdout, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return null;
      }
      try {
        return JSON.readValue(text, Object.class);
      } catch (JsonProcessingException e) {
        throw HookFailure.dataError("stdout is not JSON (a hook prints its result as one JSON object, or "
            + "nothing); it began with: " + preview(stdout), path);
      }
    }
  }

  private static String preview(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8)
        .replaceAll("\\p{Cntrl}", " ").strip();
    return "'" + text + (bytes.length > 200 ? "...'" : "'");
  }

  /** Deletes the private copies; hooks loaded before cannot run after this. */
  @Override
  public void close() {
    copies.close();
  }
}
