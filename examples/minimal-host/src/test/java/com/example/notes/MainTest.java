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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example runs its two hooks: the Lua hook changes and vetoes, the shell hook runs in the background. */
class MainTest {

  @TempDir Path directory;

  private String run() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("hooks"))) {
      for (Path file : files.toList()) {
        Files.copy(file, directory.resolve(file.toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Main.main(new String[] {directory.toString()});
    } finally {
      System.setOut(out);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theLuaHookTidiesAndVetoesAndTheShellHookAnnouncesTheDeletion() throws IOException {
    String output = run();
    assertTrue(output.contains("saved: milk, eggs\n"), output);
    assertTrue(output.contains("vetoed by Tidy notes: notes must not hold passwords\n"), output);
    assertTrue(output.contains("run: on_note_deleted/10_announce.sh ok [INFO deleted the note 'groceries']"),
        output);
    assertEquals(3, output.lines().filter(line -> line.startsWith("run: ")).count(), output);
  }
}
