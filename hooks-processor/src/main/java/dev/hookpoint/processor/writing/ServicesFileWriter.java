package dev.hookpoint.processor.writing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.hookpoint.runtime.contract.HookCatalog} once, when processing is over, sorted and
 * merged with the entries an earlier incremental compilation left.
 */
final class ServicesFileWriter {

  static final String PATH = "META-INF/services/" + RuntimeTypes.HOOK_CATALOG.canonicalName();

  private final Filer filer;
  private final GeneratedFiles files;

  ServicesFileWriter(Filer filer, GeneratedFiles files) {
    this.filer = filer;
    this.files = files;
  }

  void write(Set<String> catalogs) {
    if (catalogs.isEmpty()) {
      return;
    }
    Set<String> lines = new TreeSet<>(existing());
    lines.addAll(catalogs);
    files.writeResource(PATH, String.join("\n", lines) + "\n");
  }

  private Set<String> existing() {
    Set<String> lines = new TreeSet<>();
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8))) {
        reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(lines::add);
      }
    } catch (IOException | IllegalArgumentException e) {
      // No earlier file: a clean build.
    }
    return lines;
  }
}
