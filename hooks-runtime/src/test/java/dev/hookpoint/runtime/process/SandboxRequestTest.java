package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.LoadedHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hook's header may narrow its sandbox (no network, lower limits), never widen it: asking for more than
 * {@code hooks.process} allows is a warning at its line, and the configured value applies.
 */
class SandboxRequestTest {

  private static final String INTERFACES = "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' >&2\n";

  @TempDir Path hooks;

  @BeforeEach
  void directory() throws IOException {
    Files.createDirectories(hooks);
  }

  private ProcessHarness sandboxed(String yaml) {
    ProcessHarness harness = new ProcessHarness(hooks, "kill_grace_ms: 200\n" + yaml);
    Assumptions.assumeTrue(harness.executor.sandboxName().equals("bwrap"),
        "bubblewrap is not installed or does not work here (apt-get install bubblewrap); the sandbox is none");
    return harness;
  }

  private static ProcessHarness.Outcome run(ProcessHarness harness, LoadedHook hook) {
    return harness.run(hook, ProcessHarness.event(), 10_000);
  }

  @Test
  void aHeaderCanTurnTheNetworkOff() throws HookFailure {
    ProcessHarness harness = sandboxed("network: true");
    ProcessHarness.Outcome outcome = run(harness, harness.load(harness.script("#!/bin/sh\n# network: false\n"
        + INTERFACES)));
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(List.of("INFO lo"), outcome.logs());
  }

  @Test
  void aHeaderCannotTurnTheNetworkOnWhenTheConfigurationTurnedItOff() throws HookFailure {
    ProcessHarness harness = sandboxed("network: false");
    LoadedHook hook = harness.load(harness.script("#!/bin/sh\n# network: true\n" + INTERFACES));
    ProcessHarness.Outcome outcome = run(harness, hook);
    assertEquals(List.of("INFO lo"), outcome.logs());
    assertEquals(List.of(new HookMetadata.Warning(2, "asks for network, but hooks.process.network is false; the "
        + "hook runs without network")), hook.metadata().warnings());
  }

  @Test
  void aHeaderCanLowerTheMemoryLimitAndTheMessageNamesTheHeader() throws HookFailure {
    ProcessHarness harness = sandboxed("max_memory_mb: 512");
    ProcessHarness.Outcome outcome = run(harness, harness.load(harness.script("#!/usr/bin/python3\n"
        + "# max_memory_mb: 128\nx = bytearray(200 * 1024 * 1024)\n")));
    assertEquals("execution_error", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.failure().getMessage().contains("its header's max_memory_mb is 128"),
        outcome.failure().getMessage());
  }

  @Test
  void aHeaderCannotRaiseALimit() throws HookFailure {
    ProcessHarness harness = sandboxed("max_memory_mb: 128");
    LoadedHook hook = harness.load(harness.script("#!/usr/bin/python3\n# max_memory_mb: 4096\n"
        + "x = bytearray(200 * 1024 * 1024)\n"));
    ProcessHarness.Outcome outcome = run(harness, hook);
    assertEquals("execution_error", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.failure().getMessage().contains("hooks.process.max_memory_mb is 128"),
        outcome.failure().getMessage());
    assertEquals(List.of(new HookMetadata.Warning(2, "asks for max_memory_mb 4096, more than "
        + "hooks.process.max_memory_mb allows; 128 applies (a hook can only lower a limit)")),
        hook.metadata().warnings());
  }

  @Test
  void aHeaderCanLowerTheCpuAndFileLimits() throws HookFailure {
    ProcessHarness harness = sandboxed("");
    ProcessHarness.Outcome cpu = run(harness, harness.load(harness.script("#!/bin/sh\n# max_cpu_seconds: 1\n"
        + "while :; do :; done\n")));
    assertTrue(cpu.failure().getMessage().contains("its CPU time limit: its header's max_cpu_seconds is 1"),
        String.valueOf(cpu.failure()));
    ProcessHarness.Outcome file = run(harness, harness.load(harness.script("#!/bin/sh\n# max_file_mb: 1\nset -e\n"
        + "head -c 3000000 /dev/zero > /tmp/big\necho '{}'\n")));
    assertTrue(file.failure().getMessage().contains("its file size limit: its header's max_file_mb is 1"),
        String.valueOf(file.failure()));
  }

  @Test
  void aHeaderCanLowerTheProcessLimit() throws HookFailure {
    Assumptions.assumeTrue(ProcessHarness.hostIsRoot(), "RLIMIT_NPROC is only set when the hook has its own uid");
    ProcessHarness harness = sandboxed("max_processes: 64");
    ProcessHarness.Outcome outcome = run(harness, harness.load(harness.script("#!/bin/sh\n# max_processes: 4\n"
        + "for i in 1 2 3 4 5 6 7 8; do sleep 2 || exit 3 & done\nwait\nexit 1\n")));
    assertEquals("execution_error", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.failure().getMessage().contains("its header's max_processes is 4"),
        outcome.failure().getMessage());
  }

  @Test
  void withoutASandboxAHeadersRequestIsAWarningBecauseNothingCanGrantIt() throws HookFailure {
    ProcessHarness harness = new ProcessHarness(hooks, "sandbox: none");
    LoadedHook hook = harness.load(harness.script("#!/bin/sh\n# name: quiet\n# network: false\necho '{}'\n"));
    assertEquals(1, hook.metadata().warnings().size(), hook.metadata().warnings()::toString);
    HookMetadata.Warning warning = hook.metadata().warnings().get(0);
    assertEquals(3, warning.line());
    assertTrue(warning.message().startsWith("asks its sandbox for less network or lower limits, which only a "
        + "sandbox can give; process hooks run without one here (hooks.process.sandbox is none)"), warning.message());
  }
}
