package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.LoadedHook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process hook runs from a private copy of the bytes it was loaded from, never from the hooks directory, so what
 * runs is what was checked: a copy only the host's user can reach, a new one per load, gone when the executor is.
 */
class PrivateCopyTest {

  @TempDir Path dir;
  private ProcessHarness harness;

  @BeforeEach
  void harness() {
    harness = new ProcessHarness(dir);
  }

  @AfterEach
  void close() {
    harness.executor.close();
  }

  private LoadedHook load(Path file, String content) throws Exception {
    return harness.executor.load(new HookFile(file, "on_download_completed", file.getFileName().toString()),
        content.getBytes(StandardCharsets.UTF_8));
  }

  private static Path copy(LoadedHook hook) {
    return ((ProcessExecutor.ProcessHook) hook).copy().path();
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  private String message(LoadedHook hook) {
    ProcessHarness.Outcome outcome = harness.run(hook, ProcessHarness.event(), 3_000);
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    return String.valueOf(((Map<?, ?>) outcome.result()).get("message"));
  }

  @Test
  void aHookRunsTheBytesItWasLoadedFromInItsOwnDirectory() throws Exception {
    Path file = harness.script("#!/bin/sh\necho '{\"message\": \"what the file says now\"}'\n");
    LoadedHook hook = load(file, "#!/bin/sh\necho \"{\\\"message\\\": \\\"loaded in $PWD\\\"}\"\n");
    assertEquals("loaded in " + file.getParent(), message(hook));
  }

  @Test
  void theCopyIsReachableOnlyByTheHostsUserUnderTheTempDirectory() throws Exception {
    Path file = harness.script("#!/bin/sh\necho '{}'\n");
    Path copy = copy(harness.load(file));
    assertEquals(file.getFileName(), copy.getFileName(), "named like the hook, for interpreters that look");
    // The file is read-only for all so that a sandbox can bind it alone for its unprivileged user; the directories
    // keep everyone else out.
    assertEquals("r-xr-xr-x", permissions(copy));
    assertEquals("rwx------", permissions(copy.getParent()));
    assertEquals("rwx------", permissions(copy.getParent().getParent()));
    assertEquals(System.getProperty("user.name"), Files.getOwner(copy).getName());
    assertTrue(copy.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toRealPath()), copy.toString());
  }

  @Test
  void eachLoadWritesANewCopyAndLeavesTheOldOneAsItWas() throws Exception {
    Path file = harness.script("#!/bin/sh\necho '{}'\n");
    LoadedHook first = load(file, "#!/bin/sh\necho '{\"message\": \"one\"}'\n");
    LoadedHook second = load(file, "#!/bin/sh\necho '{\"message\": \"two\"}'\n");
    assertNotEquals(copy(first), copy(second));
    assertEquals("one", message(first));
    assertEquals("two", message(second));
  }

  @Test
  void aRunStillGoingKeepsReadingWhatItStartedWithAfterTheHookIsLoadedAgain() throws Exception {
    Path file = harness.script("#!/bin/sh\necho '{}'\n");
    // A shell reads its script a block at a time as it goes; past the first blocks, an in-place rewrite would
    // change the rest of a hook that is running.
    String padding = ("#".repeat(99) + "\n").repeat(200);
    String version = "#!/bin/sh\n" + padding + "sleep 0.4\n" + padding + "echo '{\"message\": \"%s\"}'\n";
    LoadedHook slow = load(file, version.formatted("old"));
    CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> message(slow));
    Thread.sleep(150);
    load(file, version.formatted("new"));
    assertEquals("old", running.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aCopyThatCannotBeExecutedSaysWhereItIsAndWhatToCheck() throws Exception {
    LoadedHook hook = harness.load(harness.script("#!/bin/sh\necho '{}'\n"));
    // As a noexec java.io.tmpdir would: nothing there may be executed.
    Files.setPosixFilePermissions(copy(hook), PosixFilePermissions.fromString("rw-------"));
    ProcessHarness.Outcome outcome = harness.run(hook, ProcessHarness.event(), 3_000);
    assertEquals("execution_error", outcome.category());
    String message = outcome.failure().getMessage();
    assertTrue(message.endsWith("it runs from a private copy in " + copy(hook).getParent().getParent() + ": if "
        + "java.io.tmpdir is mounted noexec, point -Djava.io.tmpdir at a directory that allows execution)"), message);
  }

  @Test
  void closingTheExecutorDeletesItsCopies() throws Exception {
    Path copy = copy(harness.load(harness.script("#!/bin/sh\necho '{}'\n")));
    Path directory = copy.getParent().getParent();
    assertTrue(Files.exists(copy));
    harness.executor.close();
    assertFalse(Files.exists(directory), directory + " is left behind");
  }
}
