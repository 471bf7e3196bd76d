package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.testing.DurableHost;
import dev.hookpoint.runtime.testing.RealPostgres;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster test: two hosts, each a JVM of its own, on one PostgreSQL database (stores and tasks), started
 * at once on a new database. The first stores 2,000 events; both run them; the first is killed with SIGKILL partway.
 * Every run of every event happens; none twice while both are alive; after the kill, the runs the dead host had
 * picked are taken over by the survivor once their heartbeat is six beats old, and only those may have run twice.
 *
 * <p>Each host has a directory of its own with the same hook ({@code on_media_added/01_record.hook}, so a stored run
 * means the same hook to both), which appends a line per run to its host's own file: who ran what is in the files,
 * which outlive the kill. Bounded: every wait has a deadline, and the test needs some 15 s of the 180.
 */
@Timeout(180)
class DurableClusterTest {

  private static final int EVENTS = 2_000;
  /** Runs done between both hosts when the first is killed: 40 % of the way. */
  private static final int KILL_AFTER = 800;
  private static final int THREADS = 2;
  /** A dead host's picked runs are taken over after 6 missed heartbeats: 3 s here (default: 3 minutes). */
  private static final String YAML = "async:\n  poll_interval_ms: 50\n  heartbeat_ms: 500\n  threads: " + THREADS
      + "\n";
  private static final Pattern TITLE = Pattern.compile("\"title\":\"(t\\d+)\"");
  @RegisterExtension static final RealPostgres POSTGRES = new RealPostgres();

  @TempDir
  Path root;



  /** A host of its own directory, in a JVM of its own, on the cluster's database. */
  private Process host(Path directory, int events) throws IOException {
    TestRuntime.write(directory, "on_media_added/01_record.hook",
        "{\"append_to\": \"" + directory.resolve("ran.txt") + "\", \"sleep_ms\": 5}");
    String classPath = System.getProperty("java.class.path") + java.io.File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        classPath, DurableHost.class.getName(), directory.toString(), Integer.toString(events), YAML, POSTGRES.cluster().url())
        .redirectError(directory.resolve("host.log").toFile()).start();
  }

  @Test
  void everyRunHappensNoneTwiceWhileBothLiveAndTheSurvivorTakesOverTheKilledHostsPickedRuns() throws Exception {
    Path first = root.resolve("first");
    Path second = root.resolve("second");
    long started = System.nanoTime();
    Process killed = host(first, EVENTS);
    Process survivor = host(second, 0);
    long storedMillis;
    long killedMillis;
    long killedAt;
    long doneMillis;
    int secondBeforeKill;
    List<String> firstRuns;
    Map<String, String> pickedAtKill;
    try {
      awaitStored(survivor, second);
      awaitStored(killed, first);
      storedMillis = millisSince(started);
      int ranWhenStored = ran(first).size() + ran(second).size();
      await(() -> ran(first).size() + ran(second).size() >= KILL_AFTER, started, "runs before the kill");
      secondBeforeKill = ran(second).size();
      killed.destroyForcibly();  // SIGKILL
      assertTrue(killed.waitFor(10, TimeUnit.SECONDS), "the first host is gone");
      killedMillis = millisSince(started);
      killedAt = System.currentTimeMillis();
      // Before the survivor can take any over: their heartbeats are fresh for 3 s more.
      pickedAtKill = picked();
      firstRuns = ran(first);
      System.out.printf("cluster test: %d events stored in %d ms (%d runs done by then)%n", EVENTS, storedMillis,
          ranWhenStored);
      await(() -> titles(Stream.concat(ran(first).stream(), ran(second).stream()).toList()).size() == EVENTS,
          System.nanoTime(), "every event's run after the kill");
      doneMillis = millisSince(started);
      Thread.sleep(500);  // a late duplicate would show now
    } finally {
      killed.destroyForcibly();
      survivor.destroyForcibly();
      survivor.waitFor(10, TimeUnit.SECONDS);
    }

    List<String> secondRuns = ran(second);
    List<String> all = Stream.concat(firstRuns.stream(), secondRuns.stream()).toList();
    List<String> bothAlive = Stream.concat(firstRuns.stream(), secondRuns.subList(0, secondBeforeKill).stream())
        .toList();
    List<String> afterKill = secondRuns.subList(secondBeforeKill, secondRuns.size());
    String pid = Long.toString(killed.pid());
    Set<String> orphans = pickedAtKill.entrySet().stream()
        .filter(picked -> picked.getValue().startsWith("hookpoint-" + pid + "-")).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> twice = counts(all).entrySet().stream().filter(count -> count.getValue() > 1)
        .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    Set<String> orphansRunAfter = titles(afterKill).stream().filter(orphans::contains)
        .collect(Collectors.toCollection(TreeSet::new));
    System.out.printf("cluster test: SIGKILL of the first host %d ms after the start, after %d runs (%d by the first, "
        + "%d by the second); it had %s picked; %d runs in all, %d by the first, %d by the second (%d after the "
        + "kill); duplicates %d %s; the picked runs taken over %s ms after the kill; all done %d ms after the start, "
        + "%d ms after the kill%n", killedMillis, bothAlive.size(), firstRuns.size(), secondBeforeKill, orphans,
        all.size(), firstRuns.size(), secondRuns.size(), afterKill.size(), all.size() - titles(all).size(), twice,
        takenOverMillis(afterKill, orphans, killedAt), doneMillis, doneMillis - killedMillis);

    assertTrue(pickedAtKill.values().stream().allMatch(by -> by.startsWith("hookpoint-" + pid + "-")
        || by.startsWith("hookpoint-" + survivor.pid() + "-")),
        () -> "a picked run names the host that picked it (scheduler names carry the pid): " + pickedAtKill);
    assertTrue(bothAlive.size() >= KILL_AFTER && bothAlive.size() < EVENTS, "killed partway: " + bothAlive.size());
    assertTrue(!firstRuns.isEmpty() && secondBeforeKill > 0, "both hosts ran some before the kill");
    assertEquals(EVENTS, titles(all).size(), "every run of every event happened");
    assertEquals(bothAlive.size(), titles(bothAlive).size(), "none ran twice while both hosts were alive");
    assertTrue(orphans.containsAll(twice), () -> "only runs the killed host had picked ran twice: " + twice
        + " of picked " + orphans);
    assertEquals(orphans, orphansRunAfter, "the survivor ran every run the killed host had picked");
    assertTrue(orphans.size() <= THREADS, "the killed host had at most a run a thread picked: " + orphans);
    Map<String, Set<String>> ids = all.stream().map(line -> line.split(" ")).collect(Collectors.groupingBy(
        parts -> parts[0], Collectors.mapping(parts -> parts[1], Collectors.toSet())));
    assertTrue(ids.values().stream().allMatch(id -> id.size() == 1), "one event id per event, on both hosts");
  }

  /** Title → {@code picked_by} of every run picked and not finished, as the database has it now. */
  private static Map<String, String> picked() throws Exception {
    Map<String, String> picked = new HashMap<>();
    try (Connection connection = POSTGRES.cluster().dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT task_data, picked_by FROM "
            + TaskTable.NAME + " WHERE picked");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Matcher title = TITLE.matcher(new String(rows.getBytes(1), StandardCharsets.UTF_8));
        assertTrue(title.find(), "a stored run carries its event's title");
        picked.put(title.group(1), rows.getString(2));
      }
    }
    return picked;
  }

  /** When the survivor ran the killed host's picked runs, in ms after the kill (one clock: one machine). */
  private static List<Long> takenOverMillis(List<String> afterKill, Set<String> orphans, long killedAt) {
    return afterKill.stream().map(line -> line.split(" ")).filter(parts -> orphans.contains(parts[0]))
        .map(parts -> Long.parseLong(parts[3]) - killedAt).toList();
  }

  private static void awaitStored(Process host, Path directory) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("STORED")) {
      // the host's own output, if any
    }
    assertEquals("STORED", line, () -> "the host started and stored its events: " + log(directory));
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws IOException;
  }

  private static void await(Condition condition, long since, String what) throws Exception {
    while (!condition.holds()) {
      assertTrue(System.nanoTime() - since < TimeUnit.SECONDS.toNanos(90), "not within 90 s: " + what);
      Thread.sleep(10);
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  /** The host's runs so far, one line each ({@code title event_id attempt epoch_millis}), in the order run. */
  private static List<String> ran(Path directory) throws IOException {
    Path file = directory.resolve("ran.txt");
    if (!Files.exists(file)) {
      return List.of();
    }
    String text = Files.readString(file);
    // A line being written as the file is read is left for the next read.
    return text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
  }

  private static Set<String> titles(List<String> lines) {
    return lines.stream().map(line -> line.split(" ")[0]).collect(Collectors.toSet());
  }

  private static Map<String, Long> counts(List<String> lines) {
    return lines.stream().collect(Collectors.groupingBy(line -> line.split(" ")[0], Collectors.counting()));
  }

  private static String log(Path directory) {
    try {
      return Files.readString(directory.resolve("host.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }
}
