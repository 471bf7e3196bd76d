package dev.hookpoint.runtime;

import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.nio.file.Path;

/**
 * One hook as operators see it: what {@code hooks list} prints and a dashboard shows. A snapshot; the runtime's
 * live view changes with every reload and switch.
 *
 * @param id the hook's id, e.g. {@code after_media_added/02_adjust_anime_settings.lua}
 * @param event the event its directory names
 * @param file the hook file
 * @param order its order prefix, or {@code -1} when its name has none
 * @param executorName the executor that runs it ({@code lua}, {@code process}), or {@code none}
 * @param enabled whether it runs
 * @param metadata its header metadata; when it did not load, what could still be read of it
 * @param loadError why it could not be loaded, or {@code null} when it loaded
 * @param sha256 its content's hash, hex, or empty when it was refused before it was read
 */
public record InstalledHook(String id, String event, Path file, int order, String executorName, boolean enabled,
    HookMetadata metadata, HookFailure loadError, String sha256) {

  static InstalledHook of(RegisteredHook hook) {
    return new InstalledHook(hook.id(), hook.file().event(), hook.file().path(), hook.file().order(),
        hook.executorName(), hook.enabled(), hook.metadata(), hook.loadError(), hook.sha256());
  }

  /** Whether it loaded and can run. */
  public boolean loaded() {
    return loadError == null;
  }
}
