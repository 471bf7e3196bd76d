package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.executor.LoadedHook;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile hook author's attempts on the bubblewrap sandbox, each a real hook in real bwrap: what docs/process-hooks.md
 * promises in "The sandbox", attacked class by class. Every test here is an attack that is stopped; what the sandbox
 * cannot stop yet is listed there under "What the sandbox does not stop". The test root holds {@code secret.db}
 * beside {@code hooks/}, as a host's data directory would.
 */
class SandboxRedTeamTest {

  @TempDir Path root;
  private Path hooks;
  private final List<String> runIds = new ArrayList<>();

  @BeforeEach
  void hostFiles() throws IOException {
    hooks = root.resolve("hooks");
    Files.createDirectories(hooks);
    Files.writeString(root.resolve("secret.db"), "the host's data");
  }

  @AfterEach
  void nothingLeftBehind() {
    for (String runId : runIds) {
      assertEquals(List.of(), ProcessHarness.survivors(runId), "processes left by the hook");
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
    return record(sandboxed(yaml).run(source, ProcessHarness.event(), timeoutMs));
  }

  private synchronized ProcessHarness.Outcome record(ProcessHarness.Outcome outcome) {
    runIds.add(outcome.runId());
    return outcome;
  }

  private static String stderr(ProcessHarness.Outcome outcome) {
    return String.join("\n", outcome.logs());
  }

  private static void ok(ProcessHarness.Outcome outcome) {
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()) + "\n" + stderr(outcome));
  }

  // --- The host's files, by every path a hook can name -------------------------------------------------------------

  @Test
  void linksShippedInTheHooksDirectoryPointNowhereInside() throws Exception {
    Path directory = hooks.resolve("on_download_completed");
    Files.createDirectories(directory);
    Files.createSymbolicLink(directory.resolve("db-relative"), Path.of("../../secret.db"));
    Files.createSymbolicLink(directory.resolve("db-absolute"), root.resolve("secret.db"));
    Files.createSymbolicLink(directory.resolve("up"), Path.of("../.."));
    Files.createSymbolicLink(directory.resolve("tmp"), Path.of(System.getProperty("java.io.tmpdir")));
    Path hostTemp = Files.createTempFile("hookpoint-red-secret-", ".txt");
    ProcessHarness harness = sandboxed("");
    // A second hook's private copy sits beside the first one's on the host.
    harness.load(harness.script("#!/bin/sh\nAPI_TOKEN=other-copy\n"));
    try {
      ProcessHarness.Outcome outcome = record(harness.run("#!/bin/sh\n"
          + "cat db-relative db-absolute up/secret.db 2>/dev/null >&2\n"
          + "ls up/ 2>/dev/null | grep secret >&2\n"
          // java.io.tmpdir inside is the sandbox's own /tmp: of the private copies, only this hook's own is there,
          // and none of the host's temp files.
          // (Its siblings in its own directory are visible: see aHookCannotReadAnotherHookOfTheSameEvent.)
          + "find tmp/ -type f | grep -v -e '/on_download_completed/' -e '/2/02_hook.sh$' >&2\n"
          + "grep -rl other-copy tmp/hookpoint-hooks-* 2>/dev/null >&2\n"
          + "echo done >&2\n"));
      ok(outcome);
      assertEquals(List.of("INFO done"), outcome.logs());
    } finally {
      Files.delete(hostTemp);
    }
  }

  @Test
  void theJvmsOpenFilesAreNotInherited() throws IOException {
    // Opened by the host while the hook starts: a database the host holds open must not reach the hook as a fd.
    try (var held = Files.newInputStream(root.resolve("secret.db"))) {
      assertTrue(held.available() >= 0);
      ProcessHarness.Outcome outcome = run("#!/usr/bin/python3\nimport os, sys\n"
          + "for fd in sorted(os.listdir('/proc/self/fd'), key=int):\n"
          + "    try:\n"
          + "        print(fd, os.readlink('/proc/self/fd/' + fd), file=sys.stderr)\n"
          + "    except OSError:\n"
          + "        pass\n");
      ok(outcome);
      for (String line : outcome.logs()) {
        int fd = Integer.parseInt(line.split(" ")[1]);
        assertTrue(fd <= 2 || line.contains("/proc/") && line.contains("/fd"), "an inherited fd: " + line);
        assertFalse(line.contains("secret.db"), line);
      }
    }
  }

  @Test
  void theHostsProcAndKernelKnobsAreOutOfReach() {
    long host = ProcessHandle.current().pid();
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "ls -d /proc/" + host + " 2>/dev/null >&2\n"
        + "cat /proc/1/environ 2>/dev/null | tr '\\0' '\\n' >&2\n"
        + "ls /proc/1/root/ 2>/dev/null >&2\n"
        + "cat /proc/1/root" + root.resolve("secret.db") + " 2>/dev/null >&2\n"
        + "(echo c > /proc/sysrq-trigger) 2>/dev/null && echo sysrq >&2\n"
        + "(echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null && echo sysctl >&2\n"
        + "(echo '|/tmp/x' > /proc/sys/kernel/core_pattern) 2>/dev/null && echo core_pattern >&2\n"
        + "ls /sys 2>/dev/null | head -1 >&2\n"
        + "echo done >&2\n");
    ok(outcome);
    assertEquals(List.of("INFO done"), outcome.logs());
  }

  /**
   * Hooks of one event share their directory, and a sibling's script may hold a token. The other hooks read as
   * empty files in the sandbox; the files that are not hooks (notes, dotfiles) stay, for hooks share those.
   */
  @Test
  void aHookCannotReadAnotherHookOfTheSameEvent() {
    ProcessHarness harness = sandboxed("");
    harness.script("#!/bin/sh\nAPI_TOKEN=sibling-secret\n");
    TestRuntime.writeFile(harness.dir.resolve("on_download_completed").resolve("notes.txt"), "shared data");
    ProcessHarness.Outcome outcome = record(harness.run("#!/bin/sh\ncat ./*.sh ./notes.txt >&2\n"));
    ok(outcome);
    assertFalse(stderr(outcome).contains("sibling-secret"), stderr(outcome));
    assertTrue(stderr(outcome).contains("shared data"), "a file that is not a hook stays: " + stderr(outcome));
  }

  @Test
  void anotherHooksFilesAreUnreadableWhenOnlyTheHostMayReadThem() throws IOException {
    // The workaround the docs give for the above: a secret the hook user may not read stays the host's.
    ProcessHarness harness = sandboxed("");
    Path sibling = harness.script("#!/bin/sh\nAPI_TOKEN=sibling-secret\n");
    Files.setPosixFilePermissions(sibling, PosixFilePermissions.fromString("rwx------"));
    Path otherEvent = TestRuntime.writeFile(hooks.resolve("on_media_added").resolve("hook.sh"), "other-event-secret");
    ProcessHarness.Outcome outcome = record(harness.run("#!/bin/sh\ncat ./*.sh " + otherEvent + " 2>/dev/null >&2\n"
        + "echo done >&2\n"));
    ok(outcome);
    assertFalse(stderr(outcome).contains("secret"), stderr(outcome));
  }

  // --- Writing outside /tmp and HOME -------------------------------------------------------------------------------

  @Test
  void aHookWritesNowhereButTmpAndHome() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "for d in / /dev /dev/shm /dev/mqueue /dev/pts /proc /usr /etc /bin /var /run \"$PWD\"; do\n"
        + "  ( echo x > \"$d/hookpoint-red\" ) 2>/dev/null && echo \"wrote $d\" >&2\n"
        + "  mkdir \"$d/hookpoint-red-dir\" 2>/dev/null && echo \"made a directory in $d\" >&2\n"
        + "done\n"
        + "mknod /tmp/disk b 8 0 2>/dev/null && echo mknod >&2\n"
        + "echo done >&2\n");
    ok(outcome);
    assertEquals(List.of("INFO done"), outcome.logs());
  }

  // --- Root, capabilities, set-uid programs, user namespaces -------------------------------------------------------

  @Test
  void aHookHasNoCapabilitiesAndSetUidProgramsDoNotRaiseIt() {
    Assumptions.assumeTrue(ProcessHarness.hostIsRoot(), "as root the hook changes uid; else it is the host's user");
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "grep -E '^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs|Uid|Gid|Groups):' /proc/self/status | tr -s '\\t ' ' ' >&2\n"
        + "for p in /usr/bin/mount /usr/bin/umount /usr/bin/su /usr/bin/newgrp; do\n"
        + "  [ -x $p ] || continue\n"
        + "  out=$($p -t tmpfs none /tmp 2>/dev/null; $p --help 2>/dev/null | head -0; id -u)\n"
        + "  [ \"$out\" = 65534 ] || echo \"$p: $out\" >&2\n"
        + "done\n"
        + "mount -t tmpfs none /tmp 2>/dev/null && echo mounted >&2\n"
        + "/usr/bin/python3 -c 'import os; os.setuid(0)' 2>/dev/null && echo setuid >&2\n"
        + "echo done >&2\n");
    ok(outcome);
    assertEquals(List.of("INFO CapAmb: 0000000000000000", "INFO CapBnd: 0000000000000000",
        "INFO CapEff: 0000000000000000", "INFO CapInh: 0000000000000000", "INFO CapPrm: 0000000000000000",
        "INFO Gid: 65534 65534 65534 65534", "INFO Groups:", "INFO NoNewPrivs: 1",
        "INFO Uid: 65534 65534 65534 65534", "INFO done"),
        outcome.logs().stream().map(String::stripTrailing).sorted().toList());
  }

  @Test
  void aSetUidRootProgramShippedBesideTheHookRunsAsTheHookUser() throws IOException {
    // A tarball extracted by root keeps set-uid bits; inside, the bind is nosuid and no_new_privs is set.
    Assumptions.assumeTrue(ProcessHarness.hostIsRoot(), "only root can make a set-uid root program");
    // In a directory of its own: a file beside the hook is a hook itself, and hidden from the others.
    Path helper = hooks.resolve("on_download_completed").resolve("bin").resolve("helper");
    Files.createDirectories(helper.getParent());
    Files.copy(Path.of("/usr/bin/id"), helper);
    Files.setAttribute(helper, "unix:mode", 04755);
    assertEquals(04755, (Integer) Files.getAttribute(helper, "unix:mode") & 07777);
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n./bin/helper -u >&2\n" + helper + " -ru >&2\n");
    ok(outcome);
    assertEquals(List.of("INFO 65534", "INFO 65534"), outcome.logs());
  }

  @Test
  void aUserNamespaceFromInsideGainsNothingOverTheHost() {
    // Whether unprivileged user namespaces exist is the kernel's choice; where they do, the "root" inside one has
    // capabilities only over that namespace: it cannot raise a hard limit, unmount the sandbox's mounts or see more.
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "unshare -Urm sh -c '\n"
        + "  echo \"inside $(id -u)\"\n"
        + "  prlimit --pid $$ --as=unlimited 2>/dev/null && echo raised-as\n"
        + "  prlimit --pid $$ --nproc=unlimited 2>/dev/null && echo raised-nproc\n"
        + "  umount -l /tmp 2>/dev/null && echo unmounted-tmp\n"
        + "  umount -l " + hooks.resolve("on_download_completed") + " 2>/dev/null && echo unmounted-hook-dir\n"
        + "  cat " + root.resolve("secret.db") + " 2>/dev/null\n"
        + "  cat /proc/1/environ 2>/dev/null | tr \"\\0\" \"\\n\" | grep -c . \n"
        + "' >&2 2>/dev/null\n"
        + "echo done >&2\n");
    ok(outcome);
    List<String> logs = new ArrayList<>(outcome.logs());
    logs.remove("INFO inside 0");
    logs.remove("INFO 0");
    assertEquals(List.of("INFO done"), logs, stderr(outcome));
  }

  // --- Limits: widening them from the header, overflowing them from the configuration ------------------------------

  private static final String LIMITS = "grep -E '^Max (address space|processes|cpu time|file size|open files|core)'"
      + " /proc/self/limits | sed -E 's/  +/|/g' >&2\n";

  /** The soft limits a hook really runs with, e.g. {@code address space -> 268435456}, from /proc/self/limits. */
  private static Map<String, String> limitsOf(ProcessHarness.Outcome outcome) {
    ok(outcome);
    Map<String, String> limits = new java.util.HashMap<>();
    for (String line : outcome.logs()) {
      String[] fields = line.substring("INFO Max ".length()).split("\\|");
      limits.put(fields[0], fields[1]);
    }
    return limits;
  }

  @Test
  void noHeaderSpellingWidensALimit() {
    String yaml = "max_memory_mb: 256\nmax_processes: 32\nmax_cpu_seconds: 5\nmax_file_mb: 8";
    List<String> headers = List.of(
        "# max_memory_mb: 64\n# max_memory_mb: 100000\n# max_processes: 4\n# max_processes: 100000\n",
        "# max_memory_mb: 9223372036854775807\n# max_cpu_seconds: 9223372036854775807\n"
            + "# max_file_mb: 9223372036854775807\n# max_processes: 9223372036854775807\n",
        "# max_memory_mb: 17592186044416\n# max_file_mb: 17592186044416\n# max_cpu_seconds: 99999999999999999999\n",
        "# max_memory_mb: -1\n# max_processes: 0\n# max_cpu_seconds: -9223372036854775808\n# max_file_mb: -0\n",
        "# MAX_MEMORY_MB: 999999\n#max_file_mb:+999999\n# Max_Cpu_Seconds : 1e9\n# max_processes: 0x7fffffff\n",
        "# max_memory_mb: \u0669\u0669\u0669\u0669\u0669\u0669\n# max_file_mb: 9_999_999\n"
            + "# max_cpu_seconds: unlimited\n# max_processes: infinity\n",
        "# max_memory_mb: 64\r\n# max_memory_mb: 1e9\n# max_memory_mb: 1000000\r\n");
    ProcessHarness harness = sandboxed(yaml);
    for (String header : headers) {
      Map<String, String> limits = limitsOf(record(harness.run("#!/bin/sh\n" + header + LIMITS)));
      String what = header + " gave " + limits;
      assertTrue(Long.parseLong(limits.get("address space")) <= 256L << 20, what);
      assertTrue(Long.parseLong(limits.get("processes")) <= 32, what);
      assertTrue(Long.parseLong(limits.get("cpu time")) <= 5, what);
      assertTrue(Long.parseLong(limits.get("file size")) <= 8L << 20, what);
    }
  }

  /**
   * A huge configured limit ("as good as unlimited") overflowed {@code * 1024 * 1024} into a negative or zero
   * prlimit argument; the probe then failed and {@code auto} silently ran every hook without a sandbox, as root.
   */
  @Test
  void aHugeConfiguredLimitKeepsTheSandbox() {
    for (String yaml : List.of("max_memory_mb: 9223372036854775807", "max_memory_mb: 17592186044416",
        "max_file_mb: 9223372036854775807", "max_cpu_seconds: 9223372036854775807",
        "max_memory_mb: 99999999999999\nmax_file_mb: 99999999999999\nmax_cpu_seconds: 99999999999999")) {
      ProcessHarness harness = new ProcessHarness(hooks, "kill_grace_ms: 200\n" + yaml);
      assertEquals("bwrap", harness.executor.sandboxName(), yaml + ": " + harness.executor.sandbox().why());
      ProcessHarness.Outcome outcome = record(harness.run("#!/bin/sh\n" + LIMITS));
      Map<String, String> limits = limitsOf(outcome);
      assertFalse(limits.values().stream().anyMatch(value -> value.startsWith("-")), yaml + " gave " + limits);
    }
  }

  @Test
  void aHookCannotHoardFileDescriptors() {
    // Kernel memory behind fds (pipe buffers, sockets, memfds) is outside RLIMIT_AS; without RLIMIT_NOFILE a hook
    // inherits the JVM's (often 1048576) per process, times max_processes.
    ProcessHarness.Outcome outcome = run("#!/usr/bin/python3\nimport os, sys\n"
        + "fds = []\n"
        + "try:\n"
        + "    while len(fds) < 8192:\n"
        + "        fds.extend(os.pipe())\n"
        + "except OSError as e:\n"
        + "    pass\n"
        + "print(len(fds), file=sys.stderr)\n");
    ok(outcome);
    int held = Integer.parseInt(outcome.logs().get(0).substring("INFO ".length()));
    assertTrue(held <= 1024, "held " + held + " fds");
  }

  @Test
  void aHookCannotRaiseItsCoreLimit() {
    // A core dump goes where core_pattern says, on the host: a file, or a pipe to a helper running as root.
    ProcessHarness.Outcome outcome = run("#!/bin/sh\nulimit -c unlimited 2>/dev/null && echo raised >&2\n"
        + "ulimit -c >&2\n");
    ok(outcome);
    assertEquals(List.of("INFO 0"), outcome.logs());
  }

  // --- Exhausting the host ------------------------------------------------------------------------------------------

  @Test
  void aForkBombEndsWithItsRunAndTheNextRunStarts() {
    Assumptions.assumeTrue(ProcessHarness.hostIsRoot(), "RLIMIT_NPROC is only set when the hook has its own uid");
    ProcessHarness harness = sandboxed("max_processes: 32");
    ProcessHarness.Outcome bomb = record(harness.run("#!/bin/sh\nb() { b | b & }\nb\nwhile :; do sleep 1; done\n",
        ProcessHarness.event(), 1_000));
    assertEquals("timeout", bomb.category(), () -> String.valueOf(bomb.failure()));
    assertTrue(bomb.millis() < 4_000, bomb.millis() + " ms");
    ProcessHarness.Outcome after = record(harness.run("#!/bin/sh\necho '{\"after\": true}'\n"));
    ok(after);
    assertEquals(Map.of("after", true), after.result());
  }

  @Test
  void floodingStdoutAndStderrIsBoundedAndTheLogCannotBeForged() {
    ProcessHarness.Outcome outcome = run("max_output_bytes: 65536", "#!/bin/sh\n"
        + "printf 'ok\\033]0;title\\007\\r[other/hook] ERROR forged\\n' >&2\n"
        + "head -c 5000000 /dev/zero | tr '\\0' 'e' >&2\n"
        + "echo >&2\n"
        + "head -c 5000000 /dev/zero\n", 10_000);
    assertEquals("data_error", outcome.category(), () -> String.valueOf(outcome.failure()));
    String first = outcome.logs().get(0);
    assertFalse(first.chars().anyMatch(c -> c < 0x20), first);
    assertTrue(outcome.logs().stream().allMatch(line -> line.length() < 5_000), "a stderr line was kept whole");
    assertTrue(outcome.failure().getMessage().length() < 2_000, outcome.failure().getMessage());
  }

  @Test
  void deeplyNestedOrBrokenStdoutIsADataError() {
    for (String stdout : List.of("python3 -c \"print('[' * 200000)\"", "printf '{\"a\":\\377\\0}'",
        "python3 -c \"print('1' * 100000)\"")) {
      ProcessHarness.Outcome outcome = run("#!/bin/sh\n" + stdout + "\n");
      assertEquals("data_error", outcome.category(), () -> stdout + ": " + outcome.failure());
    }
  }

  // --- Terminals and devices -----------------------------------------------------------------------------------------

  @Test
  void thereIsNoTerminalToInjectInto() {
    ProcessHarness.Outcome outcome = run("#!/usr/bin/python3\nimport fcntl, os, sys, termios\n"
        + "for name in ('/dev/tty', '/dev/console'):\n"
        + "    try:\n"
        + "        os.open(name, os.O_RDWR)\n"
        + "        print('opened', name, file=sys.stderr)\n"
        + "    except OSError:\n"
        + "        pass\n"
        + "for fd in (0, 1, 2):\n"
        + "    try:\n"
        + "        fcntl.ioctl(fd, termios.TIOCSTI, b'x')\n"
        + "        print('TIOCSTI on', fd, file=sys.stderr)\n"
        + "    except OSError:\n"
        + "        pass\n"
        + "print('sid', os.getsid(0) == os.getpid(), file=sys.stderr)\n"
        + "print(sorted(os.listdir('/dev')), file=sys.stderr)\n"
        // A devpts of its own: none of the host's terminals to open and inject into.
        + "print(sorted(os.listdir('/dev/pts')), file=sys.stderr)\n");
    ok(outcome);
    assertEquals("INFO sid False", outcome.logs().get(0), stderr(outcome));
    String devices = outcome.logs().get(1);
    for (String missing : List.of("'sda", "'nvme", "'vda", "'mem'", "'kmsg'", "'kvm'", "'fuse'", "'loop")) {
      assertFalse(devices.contains(missing), devices);
    }
    assertEquals("INFO ['ptmx']", outcome.logs().get(2), stderr(outcome));
    assertEquals(3, outcome.logs().size(), stderr(outcome));
  }

  // --- Processes: other hooks, the end of the run ------------------------------------------------------------------

  @Test
  void twoHooksAtOnceCannotSeeSignalOrTraceEachOther() throws Exception {
    ProcessHarness harness = sandboxed("network: false");
    String marker = "2." + System.nanoTime() % 1_000_000;
    LoadedHook victim = harness.load(harness.script("#!/bin/sh\nsleep " + marker + "\necho '{}'\n"));
    CompletableFuture<ProcessHarness.Outcome> running = CompletableFuture.supplyAsync(
        () -> record(harness.run(victim, ProcessHarness.event(), 5_000)));
    long victimPid = awaitProcess("sleep " + marker);
    Path attack = harness.script("#!/usr/bin/python3\nimport ctypes, os, signal, sys\n"
        + "libc = ctypes.CDLL(None, use_errno=True)\n"
        + "found = []\n"
        + "for pid in [p for p in os.listdir('/proc') if p.isdigit()]:\n"
        + "    try:\n"
        + "        if b'" + marker + "' in open('/proc/%s/cmdline' % pid, 'rb').read():\n"
        + "            found.append(pid)\n"
        + "    except OSError:\n"
        + "        pass\n"
        + "print('seen', found, file=sys.stderr)\n"
        + "for pid in (" + victimPid + ",):\n"
        + "    try:\n"
        + "        os.kill(pid, 0)\n"
        + "        print('signalled', pid, file=sys.stderr)\n"
        + "    except OSError:\n"
        + "        pass\n"
        + "    if libc.ptrace(16, pid, 0, 0) == 0:\n"
        + "        print('attached', pid, file=sys.stderr)\n"
        + "    try:\n"
        + "        os.pidfd_open(pid)\n"
        + "        print('pidfd', pid, file=sys.stderr)\n"
        + "    except OSError:\n"
        + "        pass\n");
    ProcessHarness.Outcome outcome = record(harness.run(harness.load(attack), ProcessHarness.event(), 5_000));
    ok(outcome);
    assertEquals(List.of("INFO seen []"), outcome.logs());
    ok(running.get(10, TimeUnit.SECONDS));
  }

  @Test
  void withoutNetworkTwoHooksShareNoAbstractSocket() throws Exception {
    ProcessHarness harness = sandboxed("network: false");
    String name = "hookpoint-red-" + System.nanoTime();
    LoadedHook listener = harness.load(harness.script("#!/usr/bin/python3\nimport socket, sys\n"
        + "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\ns.bind('\\0" + name + "')\ns.listen(1)\n"
        + "s.settimeout(2)\n"
        + "try:\n    c, _ = s.accept(); c.sendall(b'listener-secret'); c.close()\nexcept OSError:\n    pass\n"));
    CompletableFuture<ProcessHarness.Outcome> listening = CompletableFuture.supplyAsync(
        () -> record(harness.run(listener, ProcessHarness.event(), 5_000)));
    Thread.sleep(300);
    ProcessHarness.Outcome outcome = record(harness.run("#!/usr/bin/python3\nimport socket, sys\n"
        + "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n"
        + "try:\n    s.connect('\\0" + name + "'); print(s.recv(100), file=sys.stderr)\n"
        + "except OSError:\n    print('refused', file=sys.stderr)\n"));
    ok(outcome);
    assertEquals(List.of("INFO refused"), outcome.logs());
    listening.get(10, TimeUnit.SECONDS);
  }

  @Test
  void nothingOutlivesTheRunNotEvenInANestedNamespace() {
    String sleep = "100." + System.nanoTime() % 1_000_000;
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "unshare -Urpf --mount-proc sleep " + sleep + " </dev/null >/dev/null 2>&1 &\n"
        + "setsid nohup sleep " + sleep + " </dev/null >/dev/null 2>&1 &\n"
        + "python3 -c 'import os, time\nif os.fork() == 0:\n  os.setsid()\n  if os.fork() == 0:\n"
        + "    os.execvp(\"sleep\", [\"sleep\", \"" + sleep + "\"])' </dev/null >/dev/null 2>&1\n"
        + "sleep 0.2\necho '{}'\n");
    ok(outcome);
    assertEquals(List.of(), ProcessHarness.processesRunning("sleep " + sleep));
  }

  @Test
  void aHookThatIgnoresSigtermEndsAtItsTimeoutWithEverythingItStarted() {
    String sleep = "100." + System.nanoTime() % 1_000_000;
    ProcessHarness.Outcome outcome = run("", "#!/bin/sh\ntrap '' TERM HUP INT\n"
        + "unshare -Urpf --mount-proc sh -c 'trap \"\" TERM; sleep " + sleep + "' </dev/null >/dev/null 2>&1 &\n"
        + "while :; do :; done\n", 500);
    assertEquals("timeout", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.millis() < 3_000, outcome.millis() + " ms");
    assertEquals(List.of(), ProcessHarness.processesRunning("sleep " + sleep));
  }

  /** Waits until the host sees a process whose command line contains {@code text}; its pid. */
  private static long awaitProcess(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < deadline) {
      List<String> found = ProcessHarness.processesRunning(text);
      if (!found.isEmpty()) {
        return Long.parseLong(found.get(0).split(" ")[0]);
      }
      Thread.sleep(10);
    }
    throw new AssertionError("never started: " + text);
  }
}
