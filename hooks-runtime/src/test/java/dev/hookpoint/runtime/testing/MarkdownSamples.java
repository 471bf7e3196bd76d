package dev.hookpoint.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The fenced code samples of the project's README and {@code docs/}, so that tests can run them. */
public final class MarkdownSamples {

  /** One fenced block: where it starts ({@code docs/x.md:12}) and its text. */
  public record Sample(String where, String code) {}

  /**
   * Guides whose samples fail on purpose: {@code docs/troubleshooting.md} shows broken hooks, and the sample
   * app's {@code TroubleshootingGuideTest} runs each against the output the page shows.
   */
  private static final Set<String> BROKEN_ON_PURPOSE = Set.of("docs/troubleshooting.md");

  private MarkdownSamples() {}

  /** Every block fenced as {@code ```language} in the README and the guides. */
  public static List<Sample> all(String language) {
    Path project = projectRoot();
    List<Path> files = new ArrayList<>();
    files.add(project.resolve("README.md"));
    try (Stream<Path> guides = Files.list(project.resolve("docs"))) {
      guides.filter(file -> file.toString().endsWith(".md"))
          .filter(file -> !BROKEN_ON_PURPOSE.contains(project.relativize(file).toString())).sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Sample> samples = new ArrayList<>();
    for (Path file : files) {
      samples.addAll(in(file, project.relativize(file).toString(), language));
    }
    return samples;
  }

  private static List<Sample> in(Path file, String name, String language) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```" + language) || isExampleFile(lines, i)) {
        continue;
      }
      int start = i + 1;
      StringBuilder code = new StringBuilder();
      for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        code.append(lines.get(i)).append('\n');
      }
      samples.add(new Sample(name + ":" + start, code.toString()));
    }
    return samples;
  }

  /**
   * Whether the block at {@code fence} is a file of {@code examples/} shown whole ({@code `examples/...`:} above
   * it): those are hooks of the example's own events, run by the example's build, and held to the page by
   * {@code QuickStartTest}.
   */
  private static boolean isExampleFile(List<String> lines, int fence) {
    int above = fence - 1;
    while (above >= 0 && lines.get(above).isBlank()) {
      above--;
    }
    return above >= 0 && lines.get(above).matches("`examples/[^`]+`:");
  }

  /** The directory holding the README: a module's tests run in the module's directory. */
  public static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no README.md with docs/ above " + Path.of("").toAbsolutePath());
  }
}
