package dev.hookpoint.runtime.registry;

import dev.hookpoint.runtime.discovery.HookFile;
import dev.hookpoint.runtime.executor.HookFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code hooks.lock}: the SHA-256 of every reviewed hook, one {@code <sha256>  <event>/<file>} line each (the
 * {@code sha256sum} format). With {@code hooks.require_lock: true}, a hook whose content is not in the lock does
 * not load, so a hook changed behind the operator's back never runs.
 */
public final class HookLock implements FileCheck {

  /** The lock's file name, in the hooks directory. */
  public static final String FILE_NAME = "hooks.lock";

  private final Path lockFile;

  public HookLock(Path hooksDirectory) {
    this.lockFile = hooksDirectory.resolve(FILE_NAME);
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

  /** Writes the lock for these hooks, sorted by id. */
  public void write(List<RegisteredHook> hooks) throws IOException {
    Map<String, String> lines = new TreeMap<>();
    for (RegisteredHook hook : hooks) {
      if (!hook.sha256().isEmpty()) {
        lines.put(hook.id(), hook.sha256());
      }
    }
    StringBuilder text = new StringBuilder("# SHA-256 of each reviewed hook; written by 'hooks check --lock'\n");
    lines.forEach((id, sha256) -> text.append(sha256).append("  ").append(id).append('\n'));
    Files.writeString(lockFile, text.toString());
  }

  private Map<String, String> read() throws HookFailure {
    Map<String, String> locked = new LinkedHashMap<>();
    if (!Files.exists(lockFile)) {
      return locked;
    }
    try {
      for (String line : Files.readAllLines(lockFile)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] parts = trimmed.split("\\s+", 2);
        if (parts.length == 2) {
          locked.put(parts[1], parts[0]);
        }
      }
    } catch (IOException e) {
      throw HookFailure.loadError("cannot read " + lockFile + ": " + e.getMessage(), lockFile.toString(), null);
    }
    return locked;
  }
}
