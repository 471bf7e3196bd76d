package dev.hookpoint.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.testing.MarkdownSamples;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code the README and the guides show as an excerpt of a real file ({@code `path` (excerpt):}) is in that file,
 * line for line and in order ({@code ...} stands for lines left out), and the builder calls the host guide names
 * exist: so what a reader copies is what the build compiles.
 */
class DocumentedExcerptsTest {

  private static final Pattern EXCERPT = Pattern.compile("`([^`]+)` \\(excerpt\\):\n\n```\\w+\n(.*?)```",
      Pattern.DOTALL);
  private static final Path ROOT = MarkdownSamples.projectRoot();

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  @Test
  void everyExcerptIsInItsFileInOrder() throws IOException {
    int excerpts = 0;
    for (Path page : pages()) {
      Matcher excerpt = EXCERPT.matcher(Files.readString(page));
      while (excerpt.find()) {
        excerpts++;
        List<String> source = Files.readAllLines(ROOT.resolve(excerpt.group(1))).stream().map(String::strip)
            .toList();
        int at = 0;
        for (String line : excerpt.group(2).split("\n")) {
          String wanted = line.strip();
          if (wanted.isEmpty() || wanted.equals("...")) {
            continue;
          }
          int found = source.subList(at, source.size()).indexOf(wanted);
          assertTrue(found >= 0, ROOT.relativize(page) + ": not in " + excerpt.group(1) + " (in this order): "
              + wanted);
          at += found + 1;
        }
      }
    }
    assertTrue(excerpts >= 3, "excerpts found: " + excerpts);
  }

  @Test
  void theBuilderCallsTheHostGuideNamesExist() throws IOException {
    String guide = Files.readString(ROOT.resolve("docs/host-guide.md"));
    String wiring = guide.substring(guide.indexOf("## Wiring the runtime"), guide.indexOf("### Stores"));
    Set<String> methods = Arrays.stream(HookRuntime.Builder.class.getMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers())).map(Method::getName)
        .collect(Collectors.toSet());
    Matcher call = Pattern.compile("`\\.(\\w+)\\(").matcher(wiring);
    int calls = 0;
    while (call.find()) {
      calls++;
      assertTrue(methods.contains(call.group(1)), "HookRuntime.Builder has no " + call.group(1) + "()");
    }
    assertTrue(calls >= 8, "calls found: " + calls);
  }
}
