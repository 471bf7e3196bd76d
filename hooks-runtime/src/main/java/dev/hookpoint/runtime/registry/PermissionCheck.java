package dev.hookpoint.runtime.registry;

import dev.hookpoint.runtime.discovery.HookFile;
import dev.hookpoint.runtime.executor.HookFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Refuses hook files, and the directories they are in, that someone else could change: group- or
 * world-writable, or owned by a user other than root or the one running the host. Like sshd's StrictModes.
 * Switched off by {@code hooks.strict_permissions: false}, for development.
 */
public final class PermissionCheck implements FileCheck {

  private final Path root;
  private final String user = System.getProperty("user.name");

  /** @param root the hooks directory; it and everything below it is checked */
  public PermissionCheck(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void check(HookFile file, String sha256) throws HookFailure {
    Path path = file.path().toAbsolutePath().normalize();
    for (Path current = path; current != null && current.startsWith(root); current = current.getParent()) {
      checkOne(current, file);
    }
  }

  private void checkOne(Path path, HookFile file) throws HookFailure {
    Set<PosixFilePermission> permissions;
    UserPrincipal owner;
    try {
      permissions = Files.getPosixFilePermissions(path);
      owner = Files.getOwner(path);
    } catch (UnsupportedOperationException e) {
      return;
    } catch (IOException e) {
      throw HookFailure.loadError("cannot check permissions of " + path + ": " + e.getMessage(),
          file.path().toString(), null);
    }
    boolean group = permissions.contains(PosixFilePermission.GROUP_WRITE);
    boolean others = permissions.contains(PosixFilePermission.OTHERS_WRITE);
    if (group || others) {
      throw HookFailure.loadError(path + " is " + (others ? "world" : "group") + "-writable, so others could "
          + "change what runs: chmod go-w " + path + " (or set hooks.strict_permissions: false for development)",
          file.path().toString(), null);
    }
    String name = owner.getName();
    if (!name.equals("root") && !name.equals(user)) {
      throw HookFailure.loadError(path + " is owned by " + name + ", not by " + user + " or root: chown " + user
          + " " + path + " (or set hooks.strict_permissions: false for development)", file.path().toString(),
          null);
    }
  }
}
