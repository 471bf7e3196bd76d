package dev.hookpoint.runtime.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bubblewrap: the hook gets its own PID, mount, IPC and UTS namespaces (and network, when switched off), sees the
 * system read-only, its own directory read-only, a private {@code /tmp} and home, and nothing else of the host's
 * files: not the data directory, the database, the configuration or other hooks. Its {@code /proc} shows only its
 * own processes. When the host runs as root, the hook runs as {@code hooks.process.user}. Killing bwrap kills the
 * namespace's init and with it every process of the run, so nothing is left behind by construction.
 */
final class BubblewrapSandbox implements Sandbox {

  /** The top-level system directories that are bound (or linked, on merged-/usr systems) when they exist. */
  private static final List<String> SYSTEM = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc");
  /** A shell's exit status for a child ended by SIGXCPU (24) or SIGXFSZ (25): 128 plus the signal. */
  private static final int EXIT_BY_SIGXCPU = 128 + 24;
  private static final int EXIT_BY_SIGXFSZ = 128 + 25;
  /** RLIMIT_NOFILE of every hook process: not configurable, as no hook should need more. */
  private static final int MAX_OPEN_FILES = 1024;

  private static final String ENV = Files.isExecutable(Path.of("/usr/bin/env")) ? "/usr/bin/env" : "/bin/env";

  private final Path bwrap;
  private final Path prlimit;
  private final Path setpriv;
  private final int user;
  private final boolean hostIsRoot;

  /** @param user {@code hooks.process.user}, whom hooks run as when the host is root */
  BubblewrapSandbox(Path bwrap, Path prlimit, Path setpriv, int user, boolean hostIsRoot) {
    this.bwrap = bwrap;
    this.prlimit = prlimit;
    this.setpriv = setpriv;
    this.user = user;
    this.hostIsRoot = hostIsRoot;
  }

  @Override
  public String name() {
    return "bwrap";
  }

  @Override
  public boolean containsItsProcesses() {
    return true;
  }

  @Override
  public List<String> command(SandboxSpec run) {
    String hookDirectory = run.hookDirectory().toString();
    String home = run.home().toString();
    String copy = run.copy().toString();
    List<String> command = namespaces(run.limits().network());
    // A tmpfs /tmp first: the hook's directory and copy may live below it and are bound on top. /tmp and home are
    // 1777 because bwrap (root) owns them and the hook user must write them; no one else is in this mount namespace.
    command.addAll(List.of("--perms", "1777", "--tmpfs", "/tmp"));
    command.addAll(parents(run.home(), run.hookDirectory(), run.copy()));
    command.addAll(List.of("--perms", "1777", "--tmpfs", home,
        // The copy is 0555 (PrivateCopies) in a tree only the host's user can enter; bound on its own, the hook
        // user can read and run it, and nobody inside can change it.
        "--ro-bind", hookDirectory, hookDirectory));
    // The other hooks of the event share the directory; they read as empty files, so that one hook cannot read
    // another's script and what is written in it (a token, say). Files that are not hooks stay: hooks share them.
    for (Path other : run.otherHooks()) {
      command.addAll(List.of("--ro-bind", run.empty().toString(), other.toString()));
    }
    command.addAll(List.of("--ro-bind", copy, copy, "--chdir", hookDirectory, "--"));
    command.addAll(asHookUser(run.limits()));
    command.add(copy);
    return command;
  }

  /**
   * The directories above the mounts, made 0755 and empty. bwrap would create them 0700 and root's, and the hook
   * user could then not reach its own directory or copy by absolute path (only through its working directory).
   */
  private static List<String> parents(Path... paths) {
    Set<Path> parents = new LinkedHashSet<>();
    for (Path path : paths) {
      List<Path> above = new ArrayList<>();
      for (Path parent = path.getParent(); parent != null && parent.getParent() != null; parent = parent.getParent()) {
        above.add(0, parent);
      }
      parents.addAll(above);
    }
    parents.remove(Path.of("/tmp"));
    List<String> command = new ArrayList<>();
    for (Path parent : parents) {
      command.addAll(List.of("--perms", "0755", "--dir", parent.toString()));
    }
    return command;
  }

  /** bwrap with every namespace and the read-only system: what every run and the probe share. */
  List<String> namespaces(boolean network) {
    List<String> command = new ArrayList<>(List.of(bwrap.toString(), "--unshare-pid", "--unshare-ipc",
        "--unshare-uts", "--die-with-parent", "--new-session"));
    if (!network) {
      command.add("--unshare-net");
    }
    if (!hostIsRoot) {
      // An unprivileged bwrap needs a user namespace; the hook keeps the host's uid.
      command.add("--unshare-user");
    }
    command.addAll(List.of("--ro-bind", "/usr", "/usr"));
    for (String directory : SYSTEM) {
      Path path = Path.of(directory);
      if (Files.isSymbolicLink(path)) {
        try {
          command.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), directory));
        } catch (java.io.IOException e) {
          // Unreadable link: leave it out; the hook then has no such directory.
        }
      } else if (Files.isDirectory(path)) {
        command.addAll(List.of("--ro-bind", directory, directory));
      }
    }
    command.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    return command;
  }

  /**
   * The limits, then the hook user. RLIMIT_NPROC counts every process of a real uid, so it is only set when the
   * hook runs as its own dedicated uid: as the host's user it would count the host's own threads too.
   */
  List<String> asHookUser(SandboxLimits limits) {
    // bwrap's --chdir sets PWD; the hook's environment is exactly the one the executor built.
    List<String> command = new ArrayList<>(List.of(ENV, "-u", "PWD", prlimit.toString(),
        "--as=" + bytes(limits.maxMemoryMb()),
        // SIGXCPU at the limit, SIGKILL a second later for a hook that catches it; with both at the limit the
        // kernel's SIGKILL would win, and the cause could not be named.
        "--cpu=" + limits.maxCpuSeconds() + ":" + (limits.maxCpuSeconds() == Long.MAX_VALUE ? "unlimited"
            : limits.maxCpuSeconds() + 1),
        "--fsize=" + bytes(limits.maxFileMb()),
        // Kernel memory behind descriptors (pipe buffers, sockets, memfds) is not address space: without this a
        // hook would inherit the JVM's limit, often a million per process. 1024 is Linux's usual default.
        "--nofile=" + MAX_OPEN_FILES,
        // prlimit sets soft and hard limits alike, so a hook cannot raise this one again: a core dump goes where
        // the host's core_pattern says, possibly to a helper running as root.
        "--core=0"));
    if (hostIsRoot) {
      command.add("--nproc=" + limits.maxProcesses());
    }
    command.add("--");
    if (hostIsRoot) {
      command.addAll(List.of(setpriv.toString(), "--reuid=" + user, "--regid=" + user, "--clear-groups",
          "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--"));
    }
    return command;
  }

  /**
   * Megabytes as prlimit's bytes. A limit too big to count in bytes is no limit: multiplied, it overflowed into a
   * negative or zero argument, which failed the probe, and {@code auto} then ran hooks without any sandbox.
   */
  private static String bytes(long megabytes) {
    return megabytes > Long.MAX_VALUE >> 20 ? "unlimited" : Long.toString(megabytes << 20);
  }

  /**
   * What a failure says about the limits can mostly only be guessed from outside: a SIGKILL or an allocation
   * failure on stderr points at the memory limit, a failed fork at the process limit. The CPU and file size limits
   * are sure: the kernel ends the process with their own signals, SIGXCPU and SIGXFSZ.
   */
  @Override
  public String limitHint(int exitCode, List<String> stderrTail, SandboxLimits limits) {
    SandboxLimits.Sources own = limits.fromHeader();
    String tail = String.join("\n", stderrTail).toLowerCase(Locale.ROOT);
    List<String> hints = new ArrayList<>(2);
    if (exitCode == EXIT_BY_SIGXCPU) {
      hints.add("it hit its CPU time limit: "
          + SandboxLimits.setting("max_cpu_seconds", limits.maxCpuSeconds(), own.maxCpuSeconds()));
    }
    if (exitCode == EXIT_BY_SIGXFSZ || tail.contains("file too large")) {
      hints.add("it hit its file size limit: "
          + SandboxLimits.setting("max_file_mb", limits.maxFileMb(), own.maxFileMb()));
    }
    if (exitCode == 137 || tail.contains("cannot allocate memory") || tail.contains("memoryerror")
        || tail.contains("out of memory") || tail.contains("bad_alloc") || tail.contains("xmalloc")) {
      hints.add("it may have hit its memory limit: "
          + SandboxLimits.setting("max_memory_mb", limits.maxMemoryMb(), own.maxMemoryMb()));
    }
    if (hostIsRoot && (tail.contains("fork") || tail.contains("resource temporarily unavailable"))) {
      hints.add("it may have hit its process limit: "
          + SandboxLimits.setting("max_processes", limits.maxProcesses(), own.maxProcesses())
          + ", counted across all processes of uid " + user);
    }
    return hints.isEmpty() ? "" : " (" + String.join("; ", hints) + ")";
  }
}
