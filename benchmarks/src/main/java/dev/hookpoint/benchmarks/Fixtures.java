package dev.hookpoint.benchmarks;


import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Temporary hooks directories and runtimes for the benchmarks, with every limit and the sandbox on. */
final class Fixtures {

  static final String ANIME = read("/hooks/02_adjust_anime_settings.lua");
  static final String PROCESS_HOOK = "#!/bin/sh\ncat > /dev/null\necho '{\"modified\": false}'\n";

  private Fixtures() {}

  static Path directory() {
    try {
      return Files.createTempDirectory("hookpoint-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path root, String relative, String content, boolean executable) {
    try {
      Path file = root.resolve("hooks").resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started runtime over {@code root/hooks}, with the default limits, history and file checks. */
  static HookRuntime runtime(Path root, String hooksYaml) {
    String yaml = "hooks:\n  hot_reload: false\n"
        + hooksYaml.indent(2);
    // The history in memory, as before the SQLite default: the benchmarks measure dispatch, not a disk.
    return HookRuntime.builder(ConfigLoader.parse(yaml, "bench.yaml", Map.of())).baseDirectory(root).inMemoryStores()
        .hookPoints(new BenchServiceHookCatalog().hookPoints())
        .standardExecutors()
        .build()
        .start();
  }

  static void delete(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing resource " + resource, e);
    }
  }

}
