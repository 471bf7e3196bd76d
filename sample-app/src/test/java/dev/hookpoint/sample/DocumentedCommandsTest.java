package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code hooks} commands the guides walk hook authors through run as written on the sample app, each exiting
 * 0: the five-minute path of {@code docs/writing-hooks.md} and the editor setup of {@code docs/lua-hooks.md}. The
 * sample app keeps its hooks in {@code data/hooks}, so a path under {@code hooks/} is read there, and other
 * relative paths in the app's working directory.
 */
class DocumentedCommandsTest {

  @TempDir Path dir;

  /** The lines of the first {@code sh} block after {@code heading} in a guide. */
  private static List<String> block(String guide, String heading) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(root.resolve("docs"))) {
      root = root.getParent();
    }
    String text = Files.readString(root.resolve("docs").resolve(guide));
    int at = text.indexOf("```sh\n", text.indexOf(heading)) + "```sh\n".length();
    assertTrue(text.indexOf(heading) >= 0 && at > heading.length(), heading);
    return text.substring(at, text.indexOf("\n```", at)).lines().toList();
  }

  /** Runs one documented line: a {@code hooks} command on the app, or a {@code cp}. */
  private void run(Cli cli, String line) throws Exception {
    String command = line.replaceFirst("\\s+#.*$", "");
    List<String> words = List.of(command.split("\\s+"));
    List<String> args = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      args.add(path(cli, words.get(i), i > 0 && words.get(i - 1).equals("--out") || words.get(0).equals("cp")));
    }
    if (words.get(0).equals("cp")) {
      Files.createDirectories(Path.of(args.get(2)));
      Files.copy(Path.of(args.get(1)), Path.of(args.get(2)).resolve(Path.of(args.get(1)).getFileName()));
      return;
    }
    assertEquals("hooks", words.get(0), line);
    Cli.Result result = cli.run(args.toArray(String[]::new));
    assertEquals(0, result.exitCode(), line + "\n" + result.out() + result.err());
  }

  private String path(Cli cli, String word, boolean isPath) {
    if (word.startsWith("hooks/")) {
      return cli.hooks().resolve(word.substring("hooks/".length())).toString();
    }
    return isPath ? dir.resolve(word).toString() : word;
  }

  @Test
  void theFiveMinutePathRunsAsWritten() throws Exception {
    Cli cli = new Cli(dir, "");
    List<String> lines = block("writing-hooks.md", "## Five minutes");
    assertTrue(lines.size() >= 4, lines.toString());
    for (String line : lines) {
      run(cli, line);
    }
    assertTrue(Files.isRegularFile(cli.hooks().resolve("before_media_added/10_no_cams.lua")),
        "the file the guide names is the one hooks new wrote");
  }

  @Test
  void theEditorSetupRunsAsWritten() throws Exception {
    Cli cli = new Cli(dir, "");
    for (String line : block("lua-hooks.md", "## Editor support")) {
      run(cli, line);
    }
    assertTrue(Files.isRegularFile(cli.hooks().resolve(".luarc.json")));
    assertTrue(Files.readString(cli.hooks().resolve(".luarc.json")).contains(dir.resolve("hook-docs").toString()));
    assertEquals(0, cli.run("hooks", "check").exitCode(), "a .luarc.json in the hooks directory is not a hook");
  }
}
