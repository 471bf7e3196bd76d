package dev.hookpoint.runtime.testing;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds runtimes over real temp directories for tests. */
public final class TestRuntime {

  public static final HookPointDescriptor<MediaEvent, MediaEvent.Changes> BEFORE =
      MediaEvent.point("before_media_added", false);
  public static final HookPointDescriptor<MediaEvent, MediaEvent.Changes> AFTER =
      MediaEvent.point("after_media_added", false);
  public static final HookPointDescriptor<MediaEvent, MediaEvent.Changes> ON =
      MediaEvent.point("on_media_added", true);

  private TestRuntime() {}

  /** A config whose hooks directory is {@code root/hooks} (so its default store is {@code root/hooks.db}). */
  public static HookpointConfig config(Path root, String hooksYaml) {
    String yaml = "hooks:\n  directory: " + root.resolve("hooks") + "\n"
        + (hooksYaml.contains("hot_reload") ? "" : "  hot_reload: false\n") + hooksYaml.indent(2);
    return ConfigLoader.parse(yaml, "test.yaml", Map.of());
  }

  public static HookRuntime.Builder builder(Path root, String hooksYaml, ScriptExecutor executor) {
    List<HookPointDescriptor<?, ?>> points = List.of(BEFORE, AFTER, ON);
    return HookRuntime.builder(config(root, hooksYaml)).hookPoints(points).executor(executor);
  }

  /** A started runtime over {@code root/hooks} with the executors Hookpoint ships. */
  public static HookRuntime standard(Path root, String hooksYaml) {
    return HookRuntime.builder(config(root, hooksYaml)).hookPoints(List.of(BEFORE, AFTER, ON)).standardExecutors()
        .build().start();
  }

  /** Writes a hook file under {@code root/hooks}. */
  public static Path write(Path root, String relative, String content) {
    return writeFile(root.resolve("hooks").resolve(relative), content);
  }

  /** A file's bytes, as the runtime hands them to an executor. */
  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file, creating its directories. */
  public static Path writeFile(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
