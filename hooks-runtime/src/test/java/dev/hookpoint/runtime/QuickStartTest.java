package dev.hookpoint.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.testing.MarkdownSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The host guide's quick start is {@code examples/minimal-host}, file for file, and that example uses the versions
 * this build pins; the example itself is built and run by the build (its own {@code MainTest}).
 */
class QuickStartTest {

  private static final Pattern FILE = Pattern.compile("`examples/minimal-host/([^`]+)`:\n\n```\\w+\n(.*?)```",
      Pattern.DOTALL);

  private static final Path ROOT = MarkdownSamples.projectRoot();
  private static final Path EXAMPLE = ROOT.resolve("examples/minimal-host");

  private static Map<String, String> filesInTheGuide() throws IOException {
    Matcher file = FILE.matcher(Files.readString(ROOT.resolve("docs/host-guide.md")));
    Map<String, String> files = new LinkedHashMap<>();
    while (file.find()) {
      files.put(file.group(1), file.group(2));
    }
    return files;
  }

  @Test
  void theGuideShowsEveryFileOfTheExampleAsItIs() throws IOException {
    Map<String, String> shown = filesInTheGuide();
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = EXAMPLE.relativize(file).toString();
        if (relative.startsWith("target/") || relative.startsWith("src/test/")) {
          continue;
        }
        assertTrue(shown.containsKey(relative), "the quick start does not show " + relative);
        assertEquals(Files.readString(file), shown.remove(relative), relative);
      }
    }
    assertEquals(Map.of(), shown, "the quick start shows files the example does not have");
  }

  @Test
  void theExampleUsesTheVersionsThisBuildPins() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String example = Files.readString(EXAMPLE.resolve("pom.xml"));
    assertEquals(value(parent, "<version>([^<]+)</version>\\s*<packaging>pom"), value(example,
        "<hookpoint.version>([^<]+)</hookpoint.version>"), "hookpoint.version");
    for (String[] pin : new String[][] {{"slf4j.version", "slf4j-simple"}, {"junit.version", "junit-jupiter"},
        {"compiler-plugin.version", "maven-compiler-plugin"}, {"surefire-plugin.version", "maven-surefire-plugin"},
        {"shade-plugin.version", "maven-shade-plugin"}, {"resources-plugin.version", "maven-resources-plugin"},
        {"jar-plugin.version", "maven-jar-plugin"}, {"install-plugin.version", "maven-install-plugin"}}) {
      assertEquals(value(parent, "<" + Pattern.quote(pin[0]) + ">([^<]+)<"),
          value(example, "<artifactId>" + pin[1] + "</artifactId>\\s*<version>([^<]+)</version>"), pin[1]);
    }
  }

  private static String value(String pom, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(pom);
    assertTrue(matcher.find(), "no " + pattern);
    return matcher.group(1);
  }
}
