package dev.hookpoint.sample.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example hooks that ship in the jar (from {@code sample-app/examples/hooks/}). The first start copies them
 * into a hooks directory that does not exist yet; an existing directory is never touched.
 */
public final class ExampleHooks {

  private static final Logger LOG = LoggerFactory.getLogger(ExampleHooks.class);

  /** Every example, as {@code event/file}; a test checks this matches the examples directory. */
  public static final List<String> FILES = List.of(
      "after_media_added/02_adjust_anime_settings.lua",
      "after_release_ranked/01_prefer_smaller_releases.lua",
      "before_automatic_search/01_anime_search_tweaks.lua",
      "before_download_initiated/20_set_category.py",
      "before_media_added/01_reject_duplicates.lua",
      "on_download_completed/01_post_process.sh");

  private ExampleHooks() {}

  /** Copies the examples into {@code directory} if it does not exist; returns whether it did. */
  public static boolean installIfMissing(Path directory) {
    if (Files.exists(directory)) {
      return false;
    }
    try {
      for (String file : FILES) {
        Path target = directory.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = ExampleHooks.class.getResourceAsStream("/examples/hooks/" + file)) {
          if (in == null) {
            throw new IllegalStateException("example hook missing from the jar: " + file);
          }
          Files.copy(in, target);
        }
        boolean script = !file.endsWith(".lua");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(script ? "rwxr-xr-x" : "rw-r--r--"));
      }
      try (var directories = Files.walk(directory)) {
        for (Path path : directories.filter(Files::isDirectory).toList()) {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install the example hooks into " + directory, e);
    }
    LOG.info("installed {} example hooks into {}", FILES.size(), directory);
    return true;
  }
}
