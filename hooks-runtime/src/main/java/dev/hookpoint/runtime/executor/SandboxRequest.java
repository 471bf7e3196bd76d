package dev.hookpoint.runtime.executor;

/**
 * What a process hook's header asks of its sandbox, e.g. {@code # network: false} or {@code # max_memory_mb: 64}. A
 * hook can only narrow what {@code hooks.process} allows: ask for less memory or no network, never for more. Each
 * entry is {@code null} when the header does not mention it.
 *
 * @param network {@code false} to run without network
 * @param maxMemoryMb a lower {@code max_memory_mb}
 * @param maxProcesses a lower {@code max_processes}
 * @param maxCpuSeconds a lower {@code max_cpu_seconds}
 * @param maxFileMb a lower {@code max_file_mb}
 */
public record SandboxRequest(Asked<Boolean> network, Asked<Long> maxMemoryMb, Asked<Long> maxProcesses,
    Asked<Long> maxCpuSeconds, Asked<Long> maxFileMb) {

  /** A header that asks nothing of the sandbox. */
  public static final SandboxRequest NONE = new SandboxRequest(null, null, null, null, null);

  /**
   * One value a header asks for.
   *
   * @param line where in the hook file, for {@code hooks check}
   */
  public record Asked<T>(T value, int line) {}

  /** The line of the first thing the header asks, for a warning about the request as a whole. */
  public int firstLine() {
    return java.util.stream.Stream.of(network, maxMemoryMb, maxProcesses, maxCpuSeconds, maxFileMb)
        .filter(java.util.Objects::nonNull).mapToInt(Asked::line).min().orElse(1);
  }

  /** Whether the header asks anything of the sandbox at all. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
