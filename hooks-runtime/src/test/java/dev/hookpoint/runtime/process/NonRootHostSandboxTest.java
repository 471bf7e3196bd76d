package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.config.HookpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line for a host that is not root: bubblewrap then needs a user namespace, and the hook keeps the
 * host's uid but sees none of its files. The tests run as root, so the "host" here is the command started as uid
 * 65534 through {@code setpriv}, with its files owned by that uid.
 */
class NonRootHostSandboxTest {

  private static final int HOST_UID = 65534;
  private static final Path BWRAP = Path.of("/usr/bin/bwrap");
  private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  @TempDir Path root;
  private Path hookDirectory;
  private Path copy;
  private Path home;

  @BeforeEach
  void hostFilesOwnedByTheHostUser() throws IOException {
    Assumptions.assumeTrue(ProcessHarness.hostIsRoot(), "needs root to start the command as another user");
    Assumptions.assumeTrue(Stream.of(BWRAP, PRLIMIT, SETPRIV).allMatch(Files::isExecutable),
        "bubblewrap or util-linux missing (apt-get install bubblewrap util-linux)");
    Assumptions.assumeTrue(run(List.of(BWRAP.toString(), "--unshare-user", "--ro-bind", "/", "/", "true"))
        .exit() == 0, "unprivileged user namespaces are off here (sysctl kernel.unprivileged_userns_clone)");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    hookDirectory = Files.createDirectories(root.resolve("data/hooks/on_download_completed"));
    Files.writeString(root.resolve("data/mydia.db"), "the host's data");
    copy = Files.createDirectories(root.resolve("copies/1")).resolve("01_hook.sh");
    home = Files.createDirectories(root.resolve("home"));
    try (Stream<Path> files = Files.walk(root)) {
      UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
      for (Path file : files.toList()) {
        Files.setOwner(file, users.lookupPrincipalByName(Integer.toString(HOST_UID)));
      }
    }
  }

  private record Result(int exit, String output) {}

  /** Runs a command as the host user and collects what it printed. */
  private static Result run(List<String> command) throws IOException {
    List<String> asHost = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + HOST_UID, "--regid=" + HOST_UID,
        "--clear-groups", "--"));
    asHost.addAll(command);
    Process process = new ProcessBuilder(asHost).redirectErrorStream(true).start();
    try {
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      process.waitFor(10, TimeUnit.SECONDS);
      return new Result(process.exitValue(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void theHookRunsAsTheHostsUserAndSeesNoneOfItsFilesOrProcesses() throws IOException {
    Files.writeString(copy, "#!/bin/sh\nid -u\nls ../.. 2>&1 | tr '\\n' ' '; echo\n"
        + "cat " + root.resolve("data/mydia.db") + " 2>&1 | sed 's/.*: //'\n"
        + "ls /proc | grep -c '^[0-9]'\ntouch /tmp/x && echo tmp-writable\n");
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r-xr-xr-x"));
    HookpointConfig config = ConfigLoader.parse("hooks: {}", "test.yaml", Map.of());
    BubblewrapSandbox sandbox = new BubblewrapSandbox(BWRAP, PRLIMIT, SETPRIV, config.hooks().process().user(), false);
    List<String> command = sandbox.command(new Sandbox.SandboxSpec(copy, hookDirectory, home,
        SandboxLimits.of(config.hooks().process()), List.of(), null));

    Result result = run(command);

    assertEquals(0, result.exit(), result.output());
    List<String> lines = result.output().lines().toList();
    assertEquals(Integer.toString(HOST_UID), lines.get(0), "the host's own uid, not root: " + lines);
    assertEquals("hooks", lines.get(1).strip(), "of the data directory only the path to the hook's own: " + lines);
    assertEquals("No such file or directory", lines.get(2), "the database beside the hooks: " + lines);
    assertEquals(List.of("4", "tmp-writable"), lines.subList(3, 5), "init, the hook's shell, ls and grep: " + lines);
  }
}
