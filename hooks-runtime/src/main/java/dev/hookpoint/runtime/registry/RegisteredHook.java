package dev.hookpoint.runtime.registry;

import dev.hookpoint.runtime.executor.HookExecutor;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.LoadedHook;

/**
 * A discovered hook with what loading it gave: either a loaded hook ready to run, or the load error every run of
 * it reports.
 *
 * @param file the file
 * @param executor the executor that runs it, or {@code null} when none handles the file
 * @param loaded the loaded hook, or {@code null} after a load error
 * @param loadError why it could not be loaded, or {@code null}
 * @param sha256 the file content's hash, hex, or empty when it was refused before it was read, or unreadable
 * @param enabled whether it runs; switched by operators
 */
public record RegisteredHook(HookFile file, HookExecutor executor, LoadedHook loaded, HookFailure loadError,
    String sha256, boolean enabled) {

  /** The hook's id, e.g. {@code after_media_added/02_adjust_anime_settings.lua}. */
  public String id() {
    return file.id();
  }

  /** Its metadata; when it did not load, what could still be read of it, else just its file name. */
  public HookMetadata metadata() {
    if (loaded != null) {
      return loaded.metadata();
    }
    return loadError != null && loadError.metadata() != null ? loadError.metadata()
        : HookMetadata.named(file.fileName());
  }

  /** The executor's name, or {@code none}. */
  public String executorName() {
    return executor == null ? "none" : executor.name();
  }

  /** This hook as one that did not load: every run reports {@code failure}, with the metadata it has now. */
  public RegisteredHook failing(HookFailure failure) {
    return new RegisteredHook(file, executor, null, failure.withMetadata(metadata()), sha256, enabled);
  }

  RegisteredHook withEnabled(boolean enabled) {
    return new RegisteredHook(file, executor, loaded, loadError, sha256, enabled);
  }
}
