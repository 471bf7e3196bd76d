package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.testing.TestRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks a hook could try from inside the bubblewrap sandbox, each run as a real hook in real bwrap. The test root
 * holds {@code secret.db} beside {@code hooks/}, as a host's data directory would.
 */
class SandboxTest {

  @TempDir Path root;
  private Path hooks;
  private ProcessHarness.Outcome last;

  @BeforeEach
  void hostFiles() throws IOException {
    hooks = root.resolve("hooks");
    Files.createDirectories(hooks);
    Files.writeString(root.resolve("secret.db"), "the host's data");
  }

  @AfterEach
  void nothingLeftBehind() {
    if (last != null) {
      assertEquals(List.of(), ProcessHarness.survivors(last.runId()), "processes left by the hook");
    }
  }

  private ProcessHarness sandboxed(String yaml) {
    ProcessHarness harness = new ProcessHarness(hooks, "kill_grace_ms: 200\n" + yaml);
    Assumptions.assumeTrue(harness.executor.sandboxName().equals("bwrap"),
        "bubblewrap is not installed or does not work here (apt-get install bubblewrap); the sandbox is none");
    return harness;
  }

  private ProcessHarness.Outcome run(String source) {
    return run("", source, 5_000);
  }

  private ProcessHarness.Outcome run(String yaml, String source, long timeoutMs) {
    last = sandboxed(yaml).run(source, ProcessHarness.event(), timeoutMs);
    return last;
  }

  private static String stderr(ProcessHarness.Outcome outcome) {
    return String.join("\n", outcome.logs());
  }

  @Test
  void aSandboxedHookSeesOnlyItsOwnProcessesNeverTheHostsJvm() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "for p in /proc/[0-9]*; do echo \"pid ${p#/proc/} $(tr '\\0' ' ' < $p/cmdline)\" >&2; done\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    List<String> lines = outcome.logs();
    assertFalse(lines.isEmpty());
    for (String line : lines) {
      assertTrue(Long.parseLong(line.split(" ")[2]) < 100, "a pid of the host's namespace: " + line);
      assertFalse(line.contains("java"), "the host's JVM is visible: " + line);
    }
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("INFO pid 1 ") && line.contains("bwrap")),
        String.join("\n", lines));
  }

  @Test
  void aSandboxedHookCannotReadTheHostsEnvironmentThroughProc() {
    long host = ProcessHandle.current().pid();
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "cat /proc/" + host + "/environ >&2 2>/dev/null && exit 1\n"
        + "for p in /proc/[0-9]*; do tr '\\0' '\\n' < $p/environ 2>/dev/null; done >&2\n"
        + "echo done >&2\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    String seen = stderr(outcome);
    for (String variable : System.getenv().keySet()) {
      if (!List.of("PATH", "HOME", "LANG", "TZ", "LC_ALL", "TMPDIR", "PWD", "SHLVL", "_", "OLDPWD")
          .contains(variable)) {
        assertFalse(seen.contains("INFO " + variable + "="), "host variable visible: " + variable);
      }
    }
    assertTrue(seen.endsWith("INFO done"), seen);
  }

  @Test
  void aSandboxedHookGetsExactlyTheExecutorsEnvironmentAndNothingTheSandboxAdds() {
    ProcessHarness.Outcome outcome = run("#!/usr/bin/python3\nimport os, sys\n"
        + "print(' '.join(sorted(os.environ)), file=sys.stderr)\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(List.of("INFO HOME HOOK_ATTEMPT HOOK_DOWNLOAD_SIZE HOOK_DOWNLOAD_TAGS HOOK_DOWNLOAD_TITLE HOOK_DRY_RUN "
        + "HOOK_EVENT HOOK_EVENT_ID HOOK_RUN_ID HOOK_TIMESTAMP HOOK_USER_ID LANG LC_ALL PATH TMPDIR TZ"), outcome.logs());
  }

  @Test
  void aSandboxedHookCannotSignalTheHost() {
    long host = ProcessHandle.current().pid();
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "if kill -0 " + host + " 2>/dev/null; then echo 'signalled the host' >&2; exit 1; fi\n"
        + "if kill -0 1 2>/dev/null; then echo 'signalled init' >&2; exit 1; fi\n"
        + "echo \"ppid $PPID\" >&2\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(List.of("INFO ppid 1"), outcome.logs());
  }

  @Test
  void aSandboxedHookCannotReadTheHostsFilesBesideTheHooksDirectory() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "cat ../../secret.db >&2 && exit 1\n"
        + "cat " + root.resolve("secret.db") + " >&2 && exit 1\n"
        + "ls " + root + " >&2\n"
        + "echo done >&2\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertFalse(stderr(outcome).contains("the host's data"), stderr(outcome));
    assertFalse(stderr(outcome).contains("INFO secret.db"), stderr(outcome));
  }

  @Test
  void aSandboxedHookCannotWriteOutsideItsScratchDirectories() throws IOException {
    String marker = "hookpoint-sandbox-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "touch ./written 2>/dev/null && echo 'wrote its hook directory' >&2\n"
        + "touch ../../written 2>/dev/null && echo 'wrote the host root' >&2\n"
        + "touch " + root.resolve("written") + " 2>/dev/null && echo 'wrote the host root' >&2\n"
        + "echo private > /tmp/" + marker + " && echo 'tmp ok' >&2\n"
        + "echo mine > \"$HOME/file\" && echo 'home ok' >&2\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(List.of("INFO tmp ok", "INFO home ok"), outcome.logs());
    assertFalse(Files.exists(Path.of("/tmp", marker)), "the sandbox's /tmp is the host's");
    try (var files = Files.walk(root)) {
      assertEquals(List.of(), files.filter(file -> file.getFileName().toString().equals("written")).toList());
    }
  }

  @Test
  void aSandboxedHookDoesNotRunAsRoot() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\nid -u >&2\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertNotEquals(List.of("INFO 0"), outcome.logs());
    if (ProcessHarness.hostIsRoot()) {
      assertEquals(List.of("INFO 65534"), outcome.logs(), "hooks.process.user's default");
    }
  }

  @Test
  void aSandboxedHookCanReadItsOwnDirectoryByAbsolutePath() throws IOException {
    Path data = TestRuntime.writeFile(hooks.resolve("on_download_completed").resolve("data.txt"), "hook data");
    ProcessHarness.Outcome outcome = run("#!/bin/sh\ncat " + data + " >&2\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(List.of("INFO hook data"), outcome.logs());
  }

  @Test
  void allocatingPastMaxMemoryIsAnExecutionErrorNamingTheSetting() {
    ProcessHarness.Outcome outcome = run("max_memory_mb: 256", "#!/usr/bin/python3\n"
        + "x = bytearray(400 * 1024 * 1024)\n", 10_000);
    assertEquals("execution_error", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.failure().getMessage().contains("hooks.process.max_memory_mb is 256"),
        outcome.failure().getMessage());
  }

  @Test
  void forkingPastMaxProcessesIsAnExecutionErrorNamingTheSetting() {
    Assumptions.assumeTrue(ProcessHarness.hostIsRoot(), "RLIMIT_NPROC is only set when the hook has its own uid");
    String sleep = "100." + System.nanoTime() % 1_000_000;
    ProcessHarness.Outcome outcome = run("max_processes: 16", "#!/bin/sh\n"
        + "for i in $(seq 1 200); do sleep " + sleep + " || exit 3 & done\n"
        + "sleep 0.5\nexit 1\n", 10_000);
    assertEquals("execution_error", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.failure().getMessage().contains("hooks.process.max_processes is 16"),
        outcome.failure().getMessage());
    assertEquals(List.of(), ProcessHarness.processesRunning("sleep " + sleep));
  }

  @Test
  void spinningPastMaxCpuSecondsIsAnExecutionErrorNamingTheSetting() {
    long start = System.nanoTime();
    ProcessHarness.Outcome outcome = run("max_cpu_seconds: 1", "#!/bin/sh\nwhile :; do :; done\n", 20_000);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("execution_error", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.failure().getMessage().contains("its CPU time limit: hooks.process.max_cpu_seconds is 1"),
        outcome.failure().getMessage());
    assertTrue(millis < 10_000, "stopped by the CPU limit, long before the 20 s timeout: " + millis + " ms");
  }

  @Test
  void writingAFileOverMaxFileMbIsAnExecutionErrorNamingTheSetting() {
    ProcessHarness.Outcome outcome = run("max_file_mb: 1",
        "#!/bin/sh\nset -e\nhead -c 3000000 /dev/zero > /tmp/big\necho '{}'\n", 10_000);
    assertEquals("execution_error", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.failure().getMessage().contains("its file size limit: hooks.process.max_file_mb is 1"),
        outcome.failure().getMessage());
  }

  @Test
  void aTimeoutEndsEverythingInTheSandboxEvenWhatLeftTheSessionWithNoEnvironment() {
    String sleep = "100." + System.nanoTime() % 1_000_000;
    ProcessHarness.Outcome outcome = run("", "#!/bin/sh\ntrap '' TERM\n"
        + "env -i setsid sleep " + sleep + " </dev/null >/dev/null 2>&1 &\n"
        + "(trap '' TERM; sleep " + sleep + ") &\n"
        + "while true; do sleep 0.05; done\n", 500);
    assertEquals("timeout", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.millis() < 3_000, outcome.millis() + " ms");
    assertEquals(List.of(), ProcessHarness.processesRunning("sleep " + sleep));
  }

  @Test
  void whatAHookLeavesRunningEndsWithItsRun() {
    String sleep = "100." + System.nanoTime() % 1_000_000;
    ProcessHarness.Outcome outcome = run("#!/bin/sh\nenv -i setsid sleep " + sleep
        + " </dev/null >/dev/null 2>&1 &\necho '{}'\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(List.of(), ProcessHarness.processesRunning("sleep " + sleep));
  }

  @Test
  void withoutNetworkAHookHasOnlyLoopback() {
    ProcessHarness.Outcome outcome = run("network: false", "#!/bin/sh\n"
        + "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' >&2\n", 5_000);
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(List.of("INFO lo"), outcome.logs());
  }

  @Test
  void sandboxNoneRunsAsTheHostAsBefore() {
    ProcessHarness harness = new ProcessHarness(hooks, "sandbox: none");
    assertEquals("none", harness.executor.sandboxName());
    last = harness.run("#!/bin/sh\nid -u >&2\n");
    assertEquals("ok", last.category(), () -> String.valueOf(last.failure()));
    if (ProcessHarness.hostIsRoot()) {
      assertEquals(List.of("INFO 0"), last.logs());
    }
  }
}
