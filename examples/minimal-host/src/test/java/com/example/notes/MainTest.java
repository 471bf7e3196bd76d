package com.example.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example runs its two hooks (the Lua hook changes and vetoes, the shell hook runs in the background), and
 * carries the hook authors' path: hooks new, hooks test, a run, hooks runs.
 */
class MainTest {

  @TempDir Path directory;

  @BeforeEach
  void copyTheHooks() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("hooks"))) {
      for (Path file : files.toList()) {
        Files.copy(file, directory.resolve(file.toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  /** What {@code java -jar minimal-host.jar args...} prints in the directory, and its exit code first. */
  private String run(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int exitCode;
    try {
      exitCode = Main.run(directory, args);
    } finally {
      System.setOut(out);
    }
    return exitCode + "\n" + printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theLuaHookTidiesAndVetoesAndTheShellHookAnnouncesTheDeletion() {
    String output = run();
    assertTrue(output.startsWith("0\n"), output);
    assertTrue(output.contains("saved: milk, eggs\n"), output);
    assertTrue(output.contains("vetoed by Tidy notes: notes must not hold passwords\n"), output);
    assertTrue(output.contains("run: on_note_deleted/10_announce.sh ok [INFO deleted the note 'groceries']"),
        output);
    assertEquals(3, output.lines().filter(line -> line.startsWith("run: ")).count(), output);
  }

  @Test
  void aNewHookIsWrittenTestedAndSeenInTheRuns() {
    String created = run("hooks", "new", "before_note_saved", "--name", "shout");
    Path hook = directory.resolve("hooks/before_note_saved/20_shout.lua");
    assertTrue(created.startsWith("0\n") && Files.exists(hook), created);
    assertTrue(created.contains("java -jar minimal-host.jar hooks test " + hook), created);
    String tested = run("hooks", "test", hook.toString());
    assertTrue(tested.startsWith("0\nok in "), tested);
    run();
    String runs = run("hooks", "runs");
    assertTrue(runs.contains("before_note_saved/20_shout.lua"), runs);
    assertTrue(runs.contains("[dry run]"), "the test run is marked: " + runs);
  }
}
