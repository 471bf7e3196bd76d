package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over real HTTP on a free port. */
class WebAppTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private SampleServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server = SampleServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void addingMediaRunsTheHooksAndAVetoIsAConflictNamingTheHook() throws Exception {
    HttpResponse<String> created = send("POST", "/api/media",
        "{\"type\": \"tv_show\", \"title\": \"Attack on Titan\", \"year\": 2013}");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("Anime 1080p", JSON.readTree(created.body()).get("quality_profile").asText());
    HttpResponse<String> duplicate = send("POST", "/api/media", "{\"type\": \"tv_show\", \"title\": \"Attack on Titan\"}");
    assertEquals(409, duplicate.statusCode());
    JsonNode veto = JSON.readTree(duplicate.body());
    assertEquals("Duplicate guard", veto.get("hook").asText());
    assertEquals(1, JSON.readTree(send("GET", "/api/media", null).body()).size());
  }

  @Test
  void hooksRunsAndEventsAreListed() throws Exception {
    send("POST", "/api/media", "{\"type\": \"movie\", \"title\": \"Heat\"}");
    assertEquals(22, JSON.readTree(send("GET", "/api/events", null).body()).size());
    assertEquals(6, JSON.readTree(send("GET", "/api/hooks", null).body()).size());
    JsonNode runs = JSON.readTree(send("GET", "/api/hooks/runs?limit=10", null).body());
    assertTrue(runs.size() >= 2, runs.toString());
    HttpResponse<String> disabled = send("POST", "/api/hooks/disable?id=before_media_added/01_reject_duplicates.lua",
        null);
    assertEquals(200, disabled.statusCode(), disabled.body());
    assertEquals(201, send("POST", "/api/media", "{\"type\": \"movie\", \"title\": \"Heat\"}").statusCode());
  }

  @Test
  void badInputAndMissingItemsAreClientErrors() throws Exception {
    assertEquals(400, send("POST", "/api/media", "{\"type\": \"series\", \"title\": \"X\"}").statusCode());
    assertEquals(404, send("GET", "/api/media/99", null).statusCode());
    assertEquals(400, send("GET", "/api/media/abc", null).statusCode());
  }
}
