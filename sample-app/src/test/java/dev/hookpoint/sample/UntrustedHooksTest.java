package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a red team put in the hooks directory of the built app: a FIFO, a link to /dev/zero, a 3 GB sparse file.
 * The app starts, 'hooks list' and 'hooks check' answer promptly, and each is a load_error saying what it is.
 */
class UntrustedHooksTest {

  /** Each command takes well under a second here; the limit plus a generous margin. */
  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void filesThatAreNotHooksAreLoadErrorsAndNothingHangsOrRunsOutOfMemory() throws Exception {
    Cli cli = new Cli(dir, "");
    Path event = Files.createDirectories(cli.hooks().resolve("after_media_added"));
    Path fifo = event.resolve("01_x.lua");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
    Files.createSymbolicLink(event.resolve("02_zero.lua"), Path.of("/dev/zero"));
    try (RandomAccessFile sparse = new RandomAccessFile(event.resolve("03_huge.lua").toFile(), "rw")) {
      sparse.setLength(3L * 1024 * 1024 * 1024);
    }
    cli.hook("after_media_added/04_fine.lua", "function execute() return { message = 'ran' } end");

    Cli.Result added = assertTimeoutPreemptively(PROMPTLY,
        () -> cli.run("media", "add", "--type", "movie", "--title", "Heat"));
    assertEquals(0, added.exitCode(), added.err());
    Cli.Result listed = assertTimeoutPreemptively(PROMPTLY, () -> cli.run("hooks", "list", "--json"));
    Map<String, String> errors = new HashMap<>();
    for (JsonNode hook : listed.json()) {
      errors.put(hook.get("id").asText(), hook.at("/load_error/message").asText(""));
    }
    assertEquals(fifo + " is a FIFO (named pipe), not a regular file; only regular files can be hooks",
        errors.get("after_media_added/01_x.lua"));
    assertTrue(errors.get("after_media_added/02_zero.lua").contains("is a symbolic link to /dev/zero, a character "
        + "device, not a regular file"), errors.toString());
    assertTrue(errors.get("after_media_added/03_huge.lua").contains("is 3221225472 bytes, over hooks.max_file_bytes"),
        errors.toString());
    assertEquals("", errors.get("after_media_added/04_fine.lua"));
    Cli.Result checked = assertTimeoutPreemptively(PROMPTLY, () -> cli.run("hooks", "check"));
    assertEquals(1, checked.exitCode());
    assertTrue(checked.out().contains(fifo + ":1: " + fifo + " is a FIFO"), checked.out());
  }

  @Test
  void aTitleAHookSetIsPrintedWithItsControlCharactersEscaped() throws Exception {
    Cli cli = new Cli(dir, "");
    cli.hook("before_media_added/01_paint.lua", "function execute(event)\n"
        + "  return { modified = true, changes = { media_item = { title = 'Heat\\27[2J\\nroot# ' } } }\nend");
    Cli.Result added = cli.run("media", "add", "--type", "movie", "--title", "Heat");
    assertEquals(0, added.exitCode(), added.err());
    Cli.Result listed = cli.run("media", "list");
    assertTrue(listed.out().contains("Heat\\u001b[2J\\nroot# "), listed.out());
    assertTrue(listed.out().chars().noneMatch(c -> c == 27), "no raw escape reaches the terminal: " + listed.out());
  }
}
