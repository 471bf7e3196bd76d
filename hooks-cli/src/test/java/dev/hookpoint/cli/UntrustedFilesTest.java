package dev.hookpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anyone who can put a file in a hooks directory can put something that is not a file there: a FIFO that blocks
 * whoever opens it, a link to an endless device, a sparse file of gigabytes. Each is that one hook's load_error,
 * found before the file is opened, and never holds up a start, a reload or {@code hooks list}.
 */
@ExtendWith(ClosesRuntimes.class)
class UntrustedFilesTest {

  /** A scan of a handful of files takes milliseconds; this is the limit plus a generous margin. */
  private static final Duration PROMPTLY = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  private HookRuntime runtime;

  private Path hooks(String relative) throws Exception {
    Path path = root.resolve("hooks").resolve(relative);
    Files.createDirectories(path.getParent());
    return path;
  }

  /** Starts, reloads and lists, each within the limit; returns the listing. */
  private JsonNode startReloadAndList(String yaml) throws Exception {
    TestRuntime.write(root, "before_media_added/09_fine.lua", "return {}");
    runtime = assertTimeoutPreemptively(PROMPTLY, () -> TestRuntime.standard(root, yaml), "start");
    assertTimeoutPreemptively(PROMPTLY, () -> runtime.reload(), "reload");
    StringWriter out = new StringWriter();
    var command = HooksCommand.commandLine(() -> runtime);
    command.setOut(new PrintWriter(out));
    assertEquals(0, assertTimeoutPreemptively(PROMPTLY, () -> command.execute("list", "--json"), "hooks list"));
    assertNull(runtime.hook("before_media_added/09_fine.lua").orElseThrow().loadError(),
        "one bad file never stops the others loading");
    return JSON.readTree(out.toString());
  }

  private static String loadError(JsonNode list, String id) {
    for (JsonNode hook : list) {
      if (hook.get("id").asText().equals(id)) {
        assertEquals("load_error", hook.get("load_status").asText(), hook.toString());
        return hook.at("/load_error/message").asText();
      }
    }
    throw new AssertionError(id + " is not listed: " + list);
  }

  private List<String> check() {
    StringWriter out = new StringWriter();
    var command = HooksCommand.commandLine(() -> runtime);
    command.setOut(new PrintWriter(out));
    assertEquals(1, assertTimeoutPreemptively(PROMPTLY, () -> command.execute("check"), "hooks check"));
    return out.toString().lines().toList();
  }

  @Test
  void aFifoIsALoadErrorAndNothingWaitsForAWriter() throws Exception {
    Path fifo = hooks("before_media_added/01_x.lua");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());
    JsonNode list = startReloadAndList("");
    assertEquals(fifo + " is a FIFO (named pipe), not a regular file; only regular files can be hooks",
        loadError(list, "before_media_added/01_x.lua"));
    assertTrue(check().contains(fifo + ":1: " + fifo + " is a FIFO (named pipe), not a regular file; only regular "
        + "files can be hooks"));
  }

  @Test
  void aLinkToAnEndlessDeviceIsALoadErrorNotAnEndlessRead() throws Exception {
    Path link = Files.createSymbolicLink(hooks("before_media_added/01_zero.lua"), Path.of("/dev/zero"));
    Path script = Files.createSymbolicLink(hooks("before_media_added/02_zero.sh"), Path.of("/dev/zero"));
    JsonNode list = startReloadAndList("");
    assertEquals(link + " is a symbolic link to /dev/zero, a character device, not a regular file; only regular "
        + "files can be hooks", loadError(list, "before_media_added/01_zero.lua"));
    assertEquals(script + " is a symbolic link to /dev/zero, a character device, not a regular file; only regular "
        + "files can be hooks", loadError(list, "before_media_added/02_zero.sh"));
  }

  @Test
  void aFileOverMaxFileBytesIsRefusedBeforeItIsRead() throws Exception {
    Path sparse = hooks("before_media_added/01_huge.lua");
    try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
      file.setLength(3L * 1024 * 1024 * 1024);
    }
    JsonNode list = startReloadAndList("");
    assertEquals(sparse + " is 3221225472 bytes, over hooks.max_file_bytes (8388608): make it smaller, or raise "
        + "hooks.max_file_bytes", loadError(list, "before_media_added/01_huge.lua"));
  }

  @Test
  void maxFileBytesIsTheOperatorsToSet() throws Exception {
    Path file = TestRuntime.write(root, "before_media_added/01_long.lua", "-- " + "x".repeat(200) + "\nreturn {}");
    JsonNode list = startReloadAndList("max_file_bytes: 100");
    assertEquals(file + " is 213 bytes, over hooks.max_file_bytes (100): make it smaller, or raise "
        + "hooks.max_file_bytes", loadError(list, "before_media_added/01_long.lua"));
  }

  @Test
  void aDanglingLinkASocketAndALinkToADirectoryAreLoadErrors() throws Exception {
    Path dangling = Files.createSymbolicLink(hooks("before_media_added/01_gone.lua"), root.resolve("nowhere.lua"));
    Path directory = Files.createDirectories(root.resolve("a-directory"));
    Path toDirectory = Files.createSymbolicLink(hooks("before_media_added/02_dir.sh"), directory);
    Path socket = hooks("before_media_added/03_socket.sh");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      JsonNode list = startReloadAndList("");
      assertEquals(dangling + " is a symbolic link to " + root.resolve("nowhere.lua") + ", which does not exist",
          loadError(list, "before_media_added/01_gone.lua"));
      assertEquals(toDirectory + " is a symbolic link to " + directory + ", a directory, not a regular file; only "
          + "regular files can be hooks", loadError(list, "before_media_added/02_dir.sh"));
      assertEquals(socket + " is a socket, not a regular file; only regular files can be hooks",
          loadError(list, "before_media_added/03_socket.sh"));
    }
  }
}
