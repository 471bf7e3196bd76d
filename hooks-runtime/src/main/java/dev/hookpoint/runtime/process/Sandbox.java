package dev.hookpoint.runtime.process;

import java.nio.file.Path;
import java.util.List;

/**
 * What contains a hook process: the command line that starts it, and whether stopping that one process stops
 * everything the hook started. The executor knows nothing else about the mechanism.
 */
interface Sandbox {

  /** The name {@code hooks list} shows and the config spells: {@code bwrap} or {@code none}. */
  String name();

  /** The command that runs {@code run.copy()} for one run. */
  List<String> command(SandboxSpec run);

  /**
   * Whether killing the started process kills every process of the run, by construction (a PID namespace that
   * dies with it). When {@code false}, the executor has to find what the hook left behind itself.
   */
  boolean containsItsProcesses();

  /** A hint naming the limit a failed run probably hit, with its setting; empty when none applies. */
  default String limitHint(int exitCode, List<String> stderrTail, SandboxLimits limits) {
    return "";
  }

  /**
   * One run.
   *
   * @param copy the private copy of the checked bytes, which is what runs
   * @param hookDirectory the hook's own directory, its working directory
   * @param home the run's private home and temp directory
   * @param limits the network and limits of this hook
   * @param otherHooks the other hooks in its directory, which it must not read
   * @param empty an empty read-only file, shown in their place
   */
  record SandboxSpec(Path copy, Path hookDirectory, Path home, SandboxLimits limits, List<Path> otherHooks,
      Path empty) {}
}
