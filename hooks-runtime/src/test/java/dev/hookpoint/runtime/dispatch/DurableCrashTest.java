package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.testing.DurableHost;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host killed with SIGKILL while its durable background runs are going: after a restart on the same SQLite file,
 * every (event, hook) has run at least once, with the same event id each time, and the duplicates are few.
 */
@Timeout(120)
class DurableCrashTest {

  private static final int EVENTS = 200;
  /** A dead instance's picked runs are taken over after 6 missed heartbeats: 1.2 s here. */
  private static final String YAML = "async:\n  poll_interval_ms: 100\n  heartbeat_ms: 200\n  threads: 2\n"
      + "process:\n  sandbox: none\n  runs_per_minute: 0\n";

  @TempDir
  Path root;

  @Test
  void everyRunOfEveryEventHappensAtLeastOnceAcrossASigkillAndARestart() throws Exception {
    Path executed = root.resolve("executed.txt");
    Path hook = TestRuntime.write(root, "on_media_added/01_record.sh", "#!/bin/sh\n"
        + "echo \"$HOOK_MEDIA_TITLE $HOOK_EVENT_ID $HOOK_ATTEMPT\" >> '" + executed + "'\nsleep 0.02\n");
    Files.setPosixFilePermissions(hook, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));

    String classPath = System.getProperty("java.class.path") + java.io.File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        classPath, DurableHost.class.getName(), root.toString(), Integer.toString(EVENTS), YAML)
        .redirectError(root.resolve("host.log").toFile()).start();
    long started = System.nanoTime();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("STORED")) {
        // the host's own output, if any
      }
      assertEquals("STORED", line, () -> "the host stored its events: " + log());
      while (lines(executed).size() < 40 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
        Thread.sleep(5);
      }
      host.destroyForcibly();  // SIGKILL
      assertTrue(host.waitFor(10, TimeUnit.SECONDS));
    }
    int beforeKill = lines(executed).size();
    assertTrue(beforeKill >= 40 && beforeKill < EVENTS, "killed partway: " + beforeKill + " runs");

    long restart = System.nanoTime();
    HookRuntime restarted = DurableHost.runtime(root, YAML);
    try {
      while (titles(executed).size() < EVENTS && System.nanoTime() - restart < TimeUnit.SECONDS.toNanos(60)) {
        Thread.sleep(20);
      }
      Thread.sleep(500);
    } finally {
      restarted.close();
    }
    List<String> all = lines(executed);
    Map<String, Set<String>> idsByTitle = all.stream().map(line -> line.split(" "))
        .collect(Collectors.groupingBy(parts -> parts[0], Collectors.mapping(parts -> parts[1], Collectors.toSet())));
    int duplicates = all.size() - idsByTitle.size();
    System.out.printf("crash test: %d events, %d runs before SIGKILL, %d runs in all, %d duplicates, all done %d ms "
        + "after the restart%n", EVENTS, beforeKill, all.size(), duplicates,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restart));
    assertEquals(EVENTS, idsByTitle.size(), "every event's hook ran at least once");
    assertTrue(idsByTitle.values().stream().allMatch(ids -> ids.size() == 1), "one event id per event, every time");
    assertTrue(duplicates <= 4, "at most the runs in flight at the kill ran twice: " + duplicates);
  }

  private static List<String> lines(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList()
        : List.of();
  }

  private static Set<String> titles(Path file) throws java.io.IOException {
    return lines(file).stream().map(line -> line.split(" ")[0]).collect(Collectors.toSet());
  }

  private String log() {
    try {
      return Files.readString(root.resolve("host.log"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
