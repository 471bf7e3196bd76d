package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every one of the 22 hook points fires through a real flow (the demo) with the data its generated docs list: a
 * recording hook in each event directory logs the event it received.
 */
class AllHookPointsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void eachHookPointFiresWithItsDocumentedData() throws Exception {
    Cli cli = new Cli(dir, "history:\n  max_log_line_length: 200000\n  max_runs: 5000");
    cli.run("media", "list");
    JsonNode events = cli.run("hooks", "events", "--json").json();
    assertEquals(22, events.size());
    for (JsonNode event : events) {
      cli.hook(event.get("name").asText() + "/00_record.lua",
          "function execute(event) log.info(json.encode(event)) return {} end");
    }
    Cli.Result demo = cli.run("demo");
    assertEquals(0, demo.exitCode(), demo.err());
    assertTrue(demo.out().contains("Hook points fired: 22 of 22"), demo.out());

    Map<String, JsonNode> received = new TreeMap<>();
    for (JsonNode run : cli.run("hooks", "runs", "--json", "--limit", "5000").json()) {
      String hook = run.get("hook").asText();
      if (hook.endsWith("/00_record.lua")) {
        assertEquals("ok", run.get("status").asText(), hook + ": " + run.get("error"));
        received.putIfAbsent(run.get("event").asText(), JSON.readTree(run.at("/logs/0").asText().substring(5)));
      }
    }
    List<String> missing = new ArrayList<>();
    for (JsonNode event : events) {
      String name = event.get("name").asText();
      JsonNode payload = received.get(name);
      if (payload == null) {
        missing.add(name);
        continue;
      }
      assertEquals(name, payload.get("event").asText());
      assertTrue(payload.has("timestamp") && payload.has("context"), name);
      for (JsonNode field : event.get("fields")) {
        String path = field.get("path").asText();
        if (!path.contains(".")) {
          assertTrue(payload.has(path), name + " lacks its documented field " + path + ": " + payload);
        }
      }
    }
    assertEquals(List.of(), missing, "hook points that never fired");
  }
}
