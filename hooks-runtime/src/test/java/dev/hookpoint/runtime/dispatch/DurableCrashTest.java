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
 * The crash test: a host stores 1,000 events and is killed with SIGKILL partway through running them; after
 * a restart on the same SQLite file every (event, hook) has run at least once, with the same event id each time, and
 * the duplicates are counted and few. The hook appends a line per run to a file, the side effect the test counts,
 * and takes 10 ms, so that runs are in flight at the kill, and the kill comes seconds before the end. Bounded: each
 * host has at most 90 s (they need a few).
 */
@Timeout(180)
class DurableCrashTest {

  private static final int EVENTS = 1_000;
  /** Runs done when the host is killed: a third of the way. */
  private static final int KILL_AFTER = 300;
  private static final int THREADS = 2;
  /** A dead instance's picked runs are taken over after 6 missed heartbeats: 1.2 s here. */
  private static final String YAML = "async:\n  poll_interval_ms: 25\n  heartbeat_ms: 200\n  threads: " + THREADS
      + "\n";

  @TempDir
  Path root;

  @Test
  void everyRunOfEveryEventHappensAtLeastOnceAcrossASigkillAndARestart() throws Exception {
    Path executed = root.resolve("executed.txt");
    TestRuntime.write(root, "on_media_added/01_record.hook", "{\"sleep_ms\": 10, \"append_to\": \"" + executed + "\"}");

    String classPath = System.getProperty("java.class.path") + java.io.File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        classPath, DurableHost.class.getName(), root.toString(), Integer.toString(EVENTS), YAML)
        .redirectError(root.resolve("host.log").toFile()).start();
    long started = System.nanoTime();
    long killedMillis;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("STORED")) {
        // the host's own output, if any
      }
      assertEquals("STORED", line, () -> "the host stored its events: " + log());
      while (lines(executed).size() < KILL_AFTER && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(90)) {
        Thread.sleep(5);
      }
      host.destroyForcibly();  // SIGKILL
      killedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(host.waitFor(10, TimeUnit.SECONDS));
    }
    int beforeKill = lines(executed).size();
    assertTrue(beforeKill >= KILL_AFTER && beforeKill < EVENTS, "killed partway: " + beforeKill + " runs");

    long restart = System.nanoTime();
    long doneMillis;
    HookRuntime restarted = DurableHost.runtime(root, YAML);
    try {
      while (titles(executed).size() < EVENTS && System.nanoTime() - restart < TimeUnit.SECONDS.toNanos(90)) {
        Thread.sleep(20);
      }
      doneMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restart);
      Thread.sleep(500);  // a late duplicate would show now
    } finally {
      restarted.close();
    }
    List<String> all = lines(executed);
    Map<String, Set<String>> idsByTitle = all.stream().map(line -> line.split(" "))
        .collect(Collectors.groupingBy(parts -> parts[0], Collectors.mapping(parts -> parts[1], Collectors.toSet())));
    int duplicates = all.size() - idsByTitle.size();
    List<String> twice = idsByTitle.keySet().stream()
        .filter(title -> all.stream().filter(line -> line.startsWith(title + " ")).count() > 1).sorted().toList();
    System.out.printf("crash test: %d events, SIGKILL after %d runs (%d ms after the host started), %d runs in all, "
        + "%d duplicates %s, all done %d ms after the restart%n", EVENTS, beforeKill, killedMillis, all.size(),
        duplicates, twice, doneMillis);
    assertEquals(EVENTS, idsByTitle.size(), "every event's hook ran at least once");
    assertTrue(idsByTitle.values().stream().allMatch(ids -> ids.size() == 1), "one event id per event, every time");
    // A run is done when its task is deleted, after the hook returned: only those in flight at the kill, one a
    // thread (their hook may have written its line, or not yet), and one a thread just done but not yet deleted.
    assertTrue(duplicates <= 2 * THREADS, "at most the runs in flight at the kill ran twice: " + duplicates);
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
