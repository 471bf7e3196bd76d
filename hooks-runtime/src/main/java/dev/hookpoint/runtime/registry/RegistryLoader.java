package dev.hookpoint.runtime.registry;

import dev.hookpoint.runtime.discovery.HookDiscovery;
import dev.hookpoint.runtime.executor.FileCheck;
import dev.hookpoint.runtime.executor.HookExecutor;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.LoadedHook;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a registry from a hooks directory: discover, read once (see {@link TrustedReader}), check, load. The
 * executor loads the very bytes that were read, checked and hashed. A hook whose content (SHA-256) is unchanged
 * since the previous registry is checked again but not loaded again, so a reload recompiles only what changed.
 * Whatever goes wrong with one file is that hook's {@code load_error}, never the whole load's.
 */
public final class RegistryLoader {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryLoader.class);

  private static final String ONLY_REGULAR = "only regular files can be hooks";

  private final HookDiscovery discovery;
  private final TrustedReader reader;
  private final List<HookExecutor> executors;
  private final List<FileCheck> checks;

  public RegistryLoader(HookDiscovery discovery, TrustedReader reader, List<HookExecutor> executors,
      List<FileCheck> checks) {
    this.discovery = discovery;
    this.reader = reader;
    this.executors = List.copyOf(executors);
    this.checks = List.copyOf(checks);
  }

  /**
   * Loads the directory.
   *
   * @param previous the registry being replaced, whose loaded hooks are reused when unchanged
   * @param disabled the ids of hooks switched off
   */
  public HookRegistry load(Path root, HookRegistry previous, Set<String> disabled) {
    HookDiscovery.Result found = discovery.scan(root);
    List<RegisteredHook> hooks = new ArrayList<>(found.files().size());
    for (HookFile file : found.files()) {
      hooks.add(register(file, previous, !disabled.contains(file.id())));
    }
    return new HookRegistry(hooks, found.warnings(), Instant.now());
  }

  /** Loads a single file as a hook of the given event, e.g. for {@code hooks test}; never cached. */
  public RegisteredHook loadOne(HookFile file) {
    return register(file, HookRegistry.empty(), true);
  }

  private RegisteredHook register(HookFile file, HookRegistry previous, boolean enabled) {
    HookExecutor executor = executors.stream().filter(e -> e.handles(file.path())).findFirst().orElse(null);
    byte[] content;
    try {
      content = reader.read(file.path(), ONLY_REGULAR);
    } catch (HookFailure failure) {
      return failed(file, executor, "", enabled, failure);
    }
    String sha256 = sha256(content);
    if (executor == null) {
      return failed(file, null, sha256, enabled, HookFailure.loadError("no executor runs " + file.fileName()
          + ": hooks are .lua scripts or executable files", file.path().toString(), null));
    }
    try {
      // Checked again even when unchanged: the lock, or the user's own checks, may say otherwise since.
      for (FileCheck check : checks) {
        check.check(file, sha256);
      }
      RegisteredHook unchanged = previous.find(file.id()).orElse(null);
      if (unchanged != null && unchanged.loaded() != null && unchanged.sha256().equals(sha256)
          && unchanged.executor() == executor && unchanged.file().path().equals(file.path())) {
        return new RegisteredHook(file, executor, unchanged.loaded(), null, sha256, enabled);
      }
      LoadedHook loaded = executor.load(file, content);
      loaded.metadata().requireSupportedApi(file.path().toString());
      loaded.metadata().warnings().forEach(warning ->
          LOG.warn("{}:{}: {}", file.path(), warning.line(), warning.message()));
      return new RegisteredHook(file, executor, loaded, null, sha256, enabled);
    } catch (HookFailure failure) {
      return failed(file, executor, sha256, enabled, failure);
    } catch (RuntimeException e) {
      return failed(file, executor, sha256, enabled,
          HookFailure.loadError("loading failed: " + e, file.path().toString(), null));
    }
  }

  private static RegisteredHook failed(HookFile file, HookExecutor executor, String sha256, boolean enabled,
      HookFailure failure) {
    LOG.warn("[{}] load_error: {}", file.id(), failure.getMessage());
    return new RegisteredHook(file, executor, null, failure, sha256, enabled);
  }

  private static String sha256(byte[] content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
