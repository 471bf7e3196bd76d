package dev.hookpoint.runtime.registry;

import dev.hookpoint.runtime.executor.HookFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Refuses a file that someone other than root or the host's user could change, as sshd's StrictModes does: the
 * file and every directory above it up to {@code /} must not be group- or world-writable, and must be owned by
 * root or that user. A world-writable directory is trusted only when it is sticky and root owns it, like
 * {@code /tmp}: there nobody can replace another's entries. Checked at the file's real path, so a link cannot lend
 * a file the safety of the directory it sits in; and the directories holding the link are checked too, since
 * whoever can write those can point the link elsewhere. Every hook is checked up to {@code /}, not only linked
 * ones: a safe hooks directory inside a world-writable one can be swapped whole.
 */
final class PermissionCheck {

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final int GROUP_WRITE = 0020;
  private static final int OTHERS_WRITE = 0002;
  private static final int STICKY = 01000;
  private static final String FIX = " (or set hooks.strict_permissions: false for development)";

  private final String user = System.getProperty("user.name");

  /**
   * @param path the file as found, perhaps a link
   * @param real its real path, no links in it
   */
  void check(Path path, Path real) throws HookFailure {
    Set<Path> directories = new LinkedHashSet<>();
    ancestors(real.getParent(), directories);
    Path holder = path.toAbsolutePath().getParent();
    try {
      ancestors(holder.toRealPath(), directories);
    } catch (IOException e) {
      throw HookFailure.loadError("cannot check permissions of " + holder + ": " + e.getMessage(), path.toString(),
          null);
    }
    checkOne(real, false, path);
    for (Path directory : directories) {
      checkOne(directory, true, path);
    }
  }

  private static void ancestors(Path directory, Set<Path> into) {
    for (Path current = directory; current != null; current = current.getParent()) {
      into.add(current);
    }
  }

  private void checkOne(Path path, boolean directory, Path hook) throws HookFailure {
    int mode;
    String owner;
    try {
      mode = mode(path);
      owner = Files.getOwner(path, NOFOLLOW).getName();
    } catch (UnsupportedOperationException e) {
      return;
    } catch (IOException e) {
      throw HookFailure.loadError("cannot check permissions of " + path + ": " + e.getMessage(), hook.toString(),
          null);
    }
    boolean others = (mode & OTHERS_WRITE) != 0;
    if (others || (mode & GROUP_WRITE) != 0) {
      boolean sticky = directory && (mode & STICKY) != 0;
      if (sticky && owner.equals("root")) {
        return;
      }
      throw HookFailure.loadError(path + " is " + (others ? "world" : "group") + "-writable, so others could "
          + "change what runs" + (sticky ? " (a sticky directory is trusted only when root owns it)" : "")
          + ": chmod go-w " + path + FIX, hook.toString(), null);
    }
    if (!owner.equals("root") && !owner.equals(user)) {
      throw HookFailure.loadError(path + " is owned by " + owner + ", not by " + (user.equals("root") ? "root"
          : user + " or root") + ": chown " + user + " " + path + FIX, hook.toString(), null);
    }
  }

  /** The mode bits, sticky bit included where the platform shows it. */
  private static int mode(Path path) throws IOException {
    try {
      return (Integer) Files.getAttribute(path, "unix:mode", NOFOLLOW);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, NOFOLLOW);
      return (permissions.contains(PosixFilePermission.GROUP_WRITE) ? GROUP_WRITE : 0)
          | (permissions.contains(PosixFilePermission.OTHERS_WRITE) ? OTHERS_WRITE : 0);
    }
  }
}
