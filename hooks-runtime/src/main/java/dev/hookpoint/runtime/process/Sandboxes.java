package dev.hookpoint.runtime.process;

import dev.hookpoint.runtime.config.HookpointConfig;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Picks the sandbox {@code hooks.process.sandbox} asks for. {@code auto} takes bubblewrap only when it is installed
 * and a probe run of the exact namespaces and limits works (a container may forbid namespaces even to root), and
 * otherwise says why it fell back to none, with the fix.
 */
final class Sandboxes {

  /** The sandbox in use and, for none, why. */
  record Choice(Sandbox sandbox, String why) {}

  private static final long PROBE_TIMEOUT_MS = 10_000;
  /** Probe results by command line: the probe runs once per JVM for each configuration. */
  private static final Map<List<String>, String> PROBES = new ConcurrentHashMap<>();

  private Sandboxes() {}

  static Choice choose(HookpointConfig.Process config) {
    return choose(config, Sandboxes::find);
  }

  /** @param find where a program of this name is installed, if it is: the tests' stand-in for the machine */
  static Choice choose(HookpointConfig.Process config, Function<String, Optional<Path>> find) {
    if (config.sandbox() == HookpointConfig.SandboxKind.NONE) {
      return new Choice(new NoSandbox(), "hooks.process.sandbox is none");
    }
    String problem;
    Optional<Path> bwrap = find.apply("bwrap");
    Optional<Path> prlimit = find.apply("prlimit");
    Optional<Path> setpriv = find.apply("setpriv");
    if (bwrap.isEmpty()) {
      problem = "bubblewrap not found: apt-get install bubblewrap (or dnf install bubblewrap)";
    } else if (prlimit.isEmpty() || setpriv.isEmpty()) {
      problem = "prlimit or setpriv not found: apt-get install util-linux";
    } else {
      BubblewrapSandbox sandbox = new BubblewrapSandbox(bwrap.get(), prlimit.get(), setpriv.get(), config.user(),
          isRoot());
      problem = probe(sandbox, SandboxLimits.of(config));
      if (problem == null) {
        return new Choice(sandbox, "bubblewrap " + bwrap.get() + " works here");
      }
    }
    if (config.sandbox() == HookpointConfig.SandboxKind.BWRAP) {
      throw new IllegalStateException("hooks.process.sandbox is bwrap, but " + problem
          + "; set hooks.process.sandbox: auto to run without a sandbox where bubblewrap cannot");
    }
    return new Choice(new NoSandbox(), problem);
  }

  /** {@code null} when a trivial command runs in the sandbox, else what went wrong. */
  private static String probe(BubblewrapSandbox sandbox, SandboxLimits limits) {
    List<String> command = new ArrayList<>(sandbox.namespaces(limits.network()));
    command.add("--");
    command.addAll(sandbox.asHookUser(limits));
    command.addAll(List.of("/bin/sh", "-c", "exit 0"));
    return PROBES.computeIfAbsent(command, Sandboxes::run).transform(result -> result.isEmpty() ? null : result);
  }

  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true).start();
      if (!process.waitFor(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return "a probe run of bubblewrap did not finish in " + PROBE_TIMEOUT_MS + " ms";
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return process.exitValue() == 0 ? "" : "a probe run of bubblewrap failed (exit " + process.exitValue() + "): "
          + output + " (namespaces may be forbidden here, e.g. in a container without --privileged)";
    } catch (IOException e) {
      return "a probe run of bubblewrap could not start: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while probing bubblewrap";
    }
  }

  /** {@code /usr/bin/<name>}, else the first on the host's PATH. */
  private static Optional<Path> find(String name) {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin", name)));
    String path = System.getenv("PATH");
    if (path != null) {
      for (String directory : path.split(File.pathSeparator)) {
        if (!directory.isEmpty()) {
          candidates.add(Path.of(directory, name));
        }
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
