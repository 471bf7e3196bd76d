package dev.hookpoint.runtime.process;

import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.SandboxRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The network and limits one hook runs with: {@code hooks.process}, narrowed by what the hook's header asks for. A
 * header can only ask for less; asking for more is a {@code hooks check} warning, and the configured value applies.
 *
 * @param network whether the hook shares the host's network
 * @param fromHeader whether each limit below is the hook's own, lower one, so a message names the right setting
 */
record SandboxLimits(boolean network, long maxMemoryMb, long maxProcesses, long maxCpuSeconds, long maxFileMb,
    Sources fromHeader) {

  /** Which of the limits a hook's header lowered. */
  record Sources(boolean maxMemoryMb, boolean maxProcesses, boolean maxCpuSeconds, boolean maxFileMb) {
    static final Sources CONFIG = new Sources(false, false, false, false);
  }

  /** What {@code hooks.process} allows every hook. */
  static SandboxLimits of(HookpointConfig.Process config) {
    return new SandboxLimits(config.network(), config.maxMemoryMb(), config.maxProcesses(), config.maxCpuSeconds(),
        config.maxFileMb(), Sources.CONFIG);
  }

  /**
   * These limits narrowed by a hook's request.
   *
   * @param warnings receives one warning for each value that asks for more than these limits allow
   */
  SandboxLimits narrowedBy(SandboxRequest request, List<HookMetadata.Warning> warnings) {
    boolean ownNetwork = network;
    if (request.network() != null) {
      if (request.network().value() && !network) {
        warnings.add(new HookMetadata.Warning(request.network().line(), "asks for network, but "
            + "hooks.process.network is false; the hook runs without network"));
      }
      ownNetwork = network && request.network().value();
    }
    List<HookMetadata.Warning> found = new ArrayList<>();
    Lowered memory = lower("max_memory_mb", maxMemoryMb, request.maxMemoryMb(), found);
    Lowered processes = lower("max_processes", maxProcesses, request.maxProcesses(), found);
    Lowered cpu = lower("max_cpu_seconds", maxCpuSeconds, request.maxCpuSeconds(), found);
    Lowered file = lower("max_file_mb", maxFileMb, request.maxFileMb(), found);
    warnings.addAll(found);
    return new SandboxLimits(ownNetwork, memory.value(), processes.value(), cpu.value(), file.value(),
        new Sources(memory.own(), processes.own(), cpu.own(), file.own()));
  }

  private record Lowered(long value, boolean own) {}

  private static Lowered lower(String key, long allowed, SandboxRequest.Asked<Long> asked,
      List<HookMetadata.Warning> warnings) {
    if (asked == null) {
      return new Lowered(allowed, false);
    }
    if (asked.value() > allowed) {
      warnings.add(new HookMetadata.Warning(asked.line(), "asks for " + key + " " + asked.value()
          + ", more than hooks.process." + key + " allows; " + allowed + " applies (a hook can only lower a limit)"));
      return new Lowered(allowed, false);
    }
    return new Lowered(asked.value(), true);
  }

  /** The setting a limit comes from, with its value, e.g. {@code hooks.process.max_memory_mb is 512}. */
  static String setting(String key, long value, boolean fromHeader) {
    return (fromHeader ? "its header's " + key : "hooks.process." + key) + " is " + value;
  }
}
