package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of {@code docs/troubleshooting.md} is run: its hook is put where its expected output says, tried
 * with {@code hooks test}, and what the command reports must be exactly what the page shows.
 */
class TroubleshootingGuideTest {

  /** A hook's code block, then the text block of what {@code hooks test} prints for it. */
  private static final Pattern EXAMPLE = Pattern.compile("```(lua|sh)\n(.*?)```\n\n```text\n(.*?)\n```",
      Pattern.DOTALL);
  private static final Pattern OUTPUT = Pattern.compile("(\\w+) hooks/([^:]+)(?::(\\d+))?: (.*)");

  @TempDir Path dir;

  private record Example(String code, String expected) {}

  private static List<Example> examples() throws IOException {
    Matcher example = EXAMPLE.matcher(Files.readString(Path.of("../docs/troubleshooting.md")));
    List<Example> examples = new ArrayList<>();
    while (example.find()) {
      examples.add(new Example(example.group(2), example.group(3)));
    }
    return examples;
  }

  @Test
  void everyExampleReportsWhatThePageShows() throws IOException {
    List<Example> examples = examples();
    assertTrue(examples.size() >= 14, "examples found: " + examples.size());
    Cli cli = new Cli(dir, "");
    cli.run("media", "list");
    String hooks = cli.hooks() + "/";
    for (Example example : examples) {
      Matcher expected = OUTPUT.matcher(example.expected());
      assertTrue(expected.matches(), "not '<status> hooks/<event>/<file>[:line]: <message>': " + example.expected());
      Path file = cli.hook(expected.group(2), example.code());
      if (expected.group(4).startsWith("not executable")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
      JsonNode report = cli.run("hooks", "test", file.toString(), "--json").json();
      JsonNode error = report.get("error");
      assertTrue(error.isObject(), example.expected() + ", but the run reported " + report);
      String actual = report.get("status").asText() + " hooks/" + expected.group(2)
          + (error.get("line").isNull() ? "" : ":" + error.get("line").asInt()) + ": "
          + error.get("message").asText().replace(hooks, "hooks/");
      assertEquals(example.expected(), actual);
      Files.delete(file);
    }
  }
}
