package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code serve} process with background events queued in memory ({@code hooks.async.delivery:
 * memory}): they are drained into the history, or, past {@code hooks.async.drain_timeout_ms}, recorded as lost; none
 * is silently gone.
 */
class ServeShutdownTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVING = Pattern.compile("Serving on http://127\\.0\\.0\\.1:(\\d+)/");
  private static final int EVENTS = 20;

  @TempDir Path dir;
  private Process serve;

  @AfterEach
  void kill() {
    if (serve != null) {
      serve.destroyForcibly();
    }
  }

  /** Starts serve in its own JVM with a slow on_no_results_found hook; returns its port. */
  private int startServe(long drainTimeoutMs) throws Exception {
    // The memory runner's shutdown; the app's default, durable delivery, keeps what did not run for the next start.
    return startServe(drainTimeoutMs, "memory");
  }

  private int startServe(long drainTimeoutMs, String delivery) throws Exception {
    Cli cli = new Cli(dir, "process:\n  runs_per_minute: 1000\nasync:\n  delivery: " + delivery
        + "\n  drain_timeout_ms: " + drainTimeoutMs);
    cli.hook("on_no_results_found/01_slow.sh", "#!/bin/sh\ncat > /dev/null\nsleep 0.25\necho '{\"message\": \"done\"}'\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    serve = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "dev.hookpoint.sample.cli.SampleApp", "serve", "--port", "0")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line = out.readLine(); line != null && System.nanoTime() < deadline; line = out.readLine()) {
      seen.add(line);
      Matcher serving = SERVING.matcher(line);
      if (serving.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(rest -> { }), "serve-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(serving.group(1));
      }
    }
    throw new AssertionError("serve did not start: " + String.join("\n", seen));
  }

  /** Queues {@link #EVENTS} on_no_results_found events: searches for an item no indexer finds. */
  private static void queueBackgroundEvents(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    HttpResponse<String> added = client.send(HttpRequest.newBuilder(URI.create(base + "/api/media"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"movie\", \"title\": \"An Obscure Film\", "
            + "\"year\": 2001}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, added.statusCode(), added.body());
    long id = JSON.readTree(added.body()).get("id").asLong();
    for (int i = 0; i < EVENTS; i++) {
      HttpResponse<String> search = client.send(HttpRequest.newBuilder(URI.create(base + "/api/media/" + id
          + "/search")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, search.statusCode(), search.body());
    }
  }

  private List<String> statusesAfterExit() throws Exception {
    serve.destroy();
    assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve ended after SIGTERM");
    JsonNode runs = new Cli(dir, "").run("hooks", "runs", "--json", "--limit", "500").json();
    List<String> statuses = new ArrayList<>();
    for (JsonNode run : runs) {
      if (run.get("event").asText().equals("on_no_results_found")) {
        String status = run.get("status").asText();
        statuses.add(status.equals("ok") || status.equals("lost") ? status : status + ": " + run.get("error"));
      }
    }
    return statuses;
  }

  @Test
  void sigtermDrainsEveryQueuedBackgroundEventIntoTheHistory() throws Exception {
    queueBackgroundEvents(startServe(60_000));
    List<String> statuses = statusesAfterExit();
    assertEquals(EVENTS, statuses.size(), "every queued event ran before the process ended: " + statuses);
    assertTrue(statuses.stream().allMatch("ok"::equals), statuses.toString());
  }

  /** The background runs stored in the app's database and not finished yet. */
  private long storedRuns() throws Exception {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/mydia.db"));
        java.sql.ResultSet rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM hookpoint_tasks")) {
      return rows.next() ? rows.getLong(1) : -1;
    }
  }

  @Test
  void sigtermWithDurableDeliveryKeepsWhatDidNotRunAndTheNextStartRunsIt() throws Exception {
    queueBackgroundEvents(startServe(300, "auto"));
    serve.destroy();
    assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve ended after SIGTERM");
    long left = storedRuns();
    assertTrue(left > 0 && left < EVENTS, "the shutdown left runs stored, not lost: " + left);

    startServe(60_000, "auto");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (storedRuns() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0, storedRuns(), "the next start ran what was stored");
    List<String> statuses = statusesAfterExit();
    assertTrue(statuses.stream().filter("ok"::equals).count() >= EVENTS, "every event ran to the end: " + statuses);
    assertTrue(statuses.stream().allMatch(s -> s.equals("ok") || s.equals("lost")),
        "a run cut at the first drain deadline is lost, then run again: " + statuses);
  }

  @Test
  void sigtermPastTheDrainDeadlineRecordsEveryEventLeftAsLost() throws Exception {
    queueBackgroundEvents(startServe(300));
    List<String> statuses = statusesAfterExit();
    assertEquals(EVENTS, statuses.size(), "every event is in the history, run or lost: " + statuses);
    long lost = statuses.stream().filter("lost"::equals).count();
    assertTrue(lost > 0 && statuses.stream().allMatch(s -> s.equals("ok") || s.equals("lost")),
        "those not run by the deadline are lost: " + statuses);
    assertTrue(Files.exists(dir.resolve("data/mydia.db")));
  }
}
