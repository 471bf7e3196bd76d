package dev.hookpoint.runtime.registry;

import dev.hookpoint.runtime.executor.FileCheck;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code hooks.lock}: the SHA-256 of every reviewed hook, one {@code <sha256>  <event>/<file>} line each (the
 * {@code sha256sum} format). With {@code hooks.require_lock: true}, a hook whose content is not in the lock does
 * not load, so a hook changed behind the operator's back never runs.
 */
public final class HookLock implements FileCheck {

  /** The lock's file name, in the hooks directory. */
  public static final String FILE_NAME = "hooks.lock";

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_WRITES =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));

  private final Path lockFile;
  private final TrustedReader reader;

  /** @param reader reads the lock as it reads hooks: a lock others can change vouches for nothing */
  public HookLock(Path hooksDirectory, TrustedReader reader) {
    this.lockFile = hooksDirectory.resolve(FILE_NAME);
    this.reader = reader;
  }

  @Override
  public void check(HookFile file, String sha256) throws HookFailure {
    Map<String, String> locked = read();
    String expected = locked.get(file.id());
    if (expected == null) {
      throw HookFailure.loadError(file.id() + " is not in " + lockFile + "; review it, then run 'hooks check --lock'",
          file.path().toString(), null);
    }
    if (!expected.equals(sha256)) {
      throw HookFailure.loadError(file.id() + " changed since it was locked (SHA-256 " + sha256 + ", locked "
          + expected + "); review it, then run 'hooks check --lock'", file.path().toString(), null);
    }
  }

  /**
   * Writes the lock for these hooks, sorted by id: whole or not at all (a new file moved over the old one), and
   * writable only by its owner whatever the umask, so that strict permissions accept it.
   */
  public void write(List<RegisteredHook> hooks) throws IOException {
    Map<String, String> lines = new TreeMap<>();
    for (RegisteredHook hook : hooks) {
      if (!hook.sha256().isEmpty()) {
        lines.put(hook.id(), hook.sha256());
      }
    }
    StringBuilder text = new StringBuilder("# SHA-256 of each reviewed hook; written by 'hooks check --lock'\n");
    lines.forEach((id, sha256) -> text.append(sha256).append("  ").append(id).append('\n'));
    Path next = Files.createTempFile(lockFile.getParent(), "." + FILE_NAME + "-", ".tmp", OWNER_WRITES);
    try {
      Files.writeString(next, text.toString());
      Files.move(next, lockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(next);
    }
  }

  private Map<String, String> read() throws HookFailure {
    Map<String, String> locked = new LinkedHashMap<>();
    if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
      return locked;
    }
    byte[] content;
    try {
      content = reader.read(lockFile, "remove it, then run 'hooks check --lock'");
    } catch (HookFailure failure) {
      throw HookFailure.loadError("cannot trust " + lockFile + ", so no hook runs: " + failure.getMessage(),
          lockFile.toString(), null);
    }
    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      if (parts.length == 2) {
        locked.put(parts[1], parts[0]);
      }
    }
    return locked;
  }
}
