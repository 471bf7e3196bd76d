package dev.hookpoint.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hookpoint.runtime.HookCheck;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With strict permissions, what runs is checked where it really lives, up to {@code /}, as sshd checks
 * {@code authorized_keys}: a hook, its link's target, every directory above either, and {@code hooks.lock}. These
 * tests run as root, as the build does, so they can hand a directory to another owner.
 */
@ExtendWith(ClosesRuntimes.class)
class TrustedPathsTest {

  private static final String FIX = " (or set hooks.strict_permissions: false for development)";

  @TempDir Path root;
  private HookRuntime runtime;

  private HookRuntime start(Path where, String yaml) {
    runtime = TestRuntime.standard(where, yaml);
    return runtime;
  }

  private static Path executable(Path file, String content) throws Exception {
    TestRuntime.writeFile(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** A hook in {@code hooks/before_media_added} that is a link to a script in {@code directory}. */
  private Path linkedHook(Path directory) throws Exception {
    Path target = executable(directory.resolve("notify.sh"), "#!/bin/sh\necho '{}'\n");
    Path link = root.resolve("hooks/before_media_added/01_notify.sh");
    Files.createDirectories(link.getParent());
    return Files.createSymbolicLink(link, target);
  }

  private String loadError(String id) {
    var error = runtime.hook(id).orElseThrow().loadError();
    return error == null ? null : error.getMessage();
  }

  private static void mode(Path path, int mode) throws Exception {
    Files.setAttribute(path, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void aLinkedHookWhoseTargetIsInAWorldWritableDirectoryIsRefused() throws Exception {
    Path shared = Files.createDirectories(root.resolve("shared"));
    linkedHook(shared);
    mode(shared, 0777);
    start(root, "");
    assertEquals(shared + " is world-writable, so others could change what runs: chmod go-w " + shared + FIX,
        loadError("before_media_added/01_notify.sh"));
  }

  @Test
  void aRootOwnedStickyDirectoryOnTheWayIsTrustedLikeTmp() throws Exception {
    Path sticky = Files.createDirectories(root.resolve("sticky"));
    Path own = Files.createDirectories(sticky.resolve("mine"));
    linkedHook(own);
    mode(sticky, 01777);
    start(root, "");
    assertEquals("root", Files.getOwner(sticky).getName(), "precondition: the tests run as root");
    assertNull(loadError("before_media_added/01_notify.sh"));
  }

  @Test
  void aStickyDirectoryIsTrustedOnlyWhenRootOwnsIt() throws Exception {
    Path sticky = Files.createDirectories(root.resolve("sticky"));
    Path own = Files.createDirectories(sticky.resolve("mine"));
    linkedHook(own);
    mode(sticky, 01777);
    Files.setAttribute(sticky, "unix:uid", 65534);
    start(root, "");
    assertEquals(sticky + " is world-writable, so others could change what runs (a sticky directory is trusted "
        + "only when root owns it): chmod go-w " + sticky + FIX, loadError("before_media_added/01_notify.sh"));
  }

  @Test
  void aHooksDirectoryInsideAWorldWritableDirectoryIsRefused() throws Exception {
    Path open = Files.createDirectories(root.resolve("open"));
    TestRuntime.write(open, "before_media_added/01_plain.lua", "return {}");
    mode(open, 0777);
    start(open, "");
    assertEquals(open + " is world-writable, so others could change what runs: chmod go-w " + open + FIX,
        loadError("before_media_added/01_plain.lua"));
  }

  @Test
  void aDirectoryOwnedBySomeoneElseAboveTheTargetIsRefused() throws Exception {
    Path theirs = Files.createDirectories(root.resolve("theirs"));
    linkedHook(theirs);
    Files.setAttribute(theirs, "unix:uid", 65534);
    start(root, "");
    String user = System.getProperty("user.name");
    String owners = user.equals("root") ? "root" : user + " or root";
    assertEquals(theirs + " is owned by nobody, not by " + owners + ": chown " + user + " " + theirs + FIX,
        loadError("before_media_added/01_notify.sh"));
  }

  @Test
  void allowSymlinksFalseRefusesLinkedHooks() throws Exception {
    Path link = linkedHook(Files.createDirectories(root.resolve("elsewhere")));
    start(root, "allow_symlinks: false");
    assertEquals(link + " is a symbolic link (to " + root.resolve("elsewhere/notify.sh") + ") and "
        + "hooks.allow_symlinks is false: put the file itself there, or set hooks.allow_symlinks: true",
        loadError("before_media_added/01_notify.sh"));
  }

  @Test
  void aGroupOrWorldWritableLockRefusesEveryHookNamingTheLockAndTheFix() throws Exception {
    executable(root.resolve("hooks/before_media_added/01_a.sh"), "#!/bin/sh\necho '{}'\n");
    TestRuntime.write(root, "before_media_added/02_b.lua", "return {}");
    start(root, "require_lock: true");
    HookCheck check = new HookCheck(runtime);
    check.writeLock();
    assertEquals(List.of(), check.problems(), "what 'hooks check --lock' exits 0 on");
    runtime.reload();
    assertNull(loadError("before_media_added/01_a.sh"));
    Path lock = root.resolve("hooks/hooks.lock");
    for (String permissions : new String[] {"rw-rw-r--", "rw-r--rw-"}) {
      Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString(permissions));
      runtime.reload();
      String kind = permissions.equals("rw-rw-r--") ? "group" : "world";
      String expected = "cannot trust " + lock + ", so no hook runs: " + lock + " is " + kind + "-writable, so "
          + "others could change what runs: chmod go-w " + lock + FIX;
      assertEquals(expected, loadError("before_media_added/01_a.sh"));
      assertEquals(expected, loadError("before_media_added/02_b.lua"));
    }
  }

  @Test
  void anUnchangedHookIsCheckedAgainAtEveryReload() throws Exception {
    Path file = TestRuntime.write(root, "before_media_added/01_b.lua", "return {}");
    start(root, "require_lock: true");
    HookCheck check = new HookCheck(runtime);
    check.writeLock();
    assertEquals(List.of(), check.problems(), "what 'hooks check --lock' exits 0 on");
    runtime.reload();
    assertNull(loadError("before_media_added/01_b.lua"));
    Files.writeString(root.resolve("hooks/hooks.lock"), "# the review was withdrawn\n");
    runtime.reload();
    assertEquals("before_media_added/01_b.lua is not in " + root.resolve("hooks/hooks.lock") + "; review it, then "
        + "run 'hooks check --lock'", loadError("before_media_added/01_b.lua"));
    check.writeLock();
    runtime.reload();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    runtime.reload();
    assertEquals(file + " is world-writable, so others could change what runs: chmod go-w " + file + FIX,
        loadError("before_media_added/01_b.lua"));
  }

  @Test
  void writingTheLockReplacesItWithOneOnlyItsOwnerCanWrite() throws Exception {
    TestRuntime.write(root, "before_media_added/01_b.lua", "return {}");
    Path lock = TestRuntime.write(root, "hooks.lock", "# left open by someone\n");
    Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-rw-rw-"));
    start(root, "require_lock: true");
    HookCheck check = new HookCheck(runtime);
    check.writeLock();
    assertEquals(List.of(), check.problems(), "what 'hooks check --lock' exits 0 on");
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
    runtime.reload();
    assertNull(loadError("before_media_added/01_b.lua"));
  }

  @Test
  void aFifoInPlaceOfTheLockIsALoadErrorNotAHang() throws Exception {
    TestRuntime.write(root, "before_media_added/01_b.lua", "return {}");
    Path lock = root.resolve("hooks/hooks.lock");
    assertEquals(0, new ProcessBuilder("mkfifo", lock.toString()).inheritIO().start().waitFor());
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> start(root, "require_lock: true"));
    assertEquals("cannot trust " + lock + ", so no hook runs: " + lock + " is a FIFO (named pipe), not a regular "
        + "file; remove it, then run 'hooks check --lock'", loadError("before_media_added/01_b.lua"));
  }
}
