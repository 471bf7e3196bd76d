package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's own state-changing routes refuse other sites and non-JSON bodies, as the dashboard does, and the
 * dashboard is mounted at /settings/hooks and linked from the index.
 */
class WebGuardTest {

  private static final String HEAT = "{\"type\": \"movie\", \"title\": \"Heat\"}";
  private static final String DUPLICATE_GUARD = "before_media_added/01_reject_duplicates.lua";

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

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCrossOriginPostOrDeleteIsRefusedAndNothingChanges() throws Exception {
    HttpResponse<String> added = send("POST", "/api/media", HEAT, "Content-Type", "application/json", "Origin",
        "http://attacker.invalid");
    assertEquals(403, added.statusCode(), added.body());
    assertTrue(added.body().contains("cross-origin request refused"));
    assertEquals("[]", send("GET", "/api/media", null).body().replaceAll("\\s", ""));
    assertEquals(403, send("POST", "/api/hooks/disable?id=" + DUPLICATE_GUARD, null, "Sec-Fetch-Site",
        "cross-site").statusCode());
    assertTrue(server.app().hooks().hook(DUPLICATE_GUARD).orElseThrow().enabled());
    assertEquals(403, send("DELETE", "/api/media/1", null, "Sec-Fetch-Site", "same-site").statusCode());
  }

  @Test
  void aBodyThatIsNotJsonIsA415AndTheSameRequestAsJsonFromTheSameOriginSucceeds() throws Exception {
    assertEquals(415, send("POST", "/api/media", HEAT, "Content-Type", "text/plain").statusCode());
    assertEquals(415, send("POST", "/api/media", "type=movie&title=Heat", "Content-Type",
        "application/x-www-form-urlencoded").statusCode());
    HttpResponse<String> added = send("POST", "/api/media", HEAT, "Content-Type", "application/json", "Origin",
        server.origin(), "Sec-Fetch-Site", "same-origin");
    assertEquals(201, added.statusCode(), added.body());
  }

  @Test
  void theDashboardIsMountedUnderSettingsHooksAndLinkedFromTheIndex() throws Exception {
    assertTrue(send("GET", "/", null).body().contains("href=\"/settings/hooks\""));
    HttpResponse<String> dashboard = send("GET", "/settings/hooks", null);
    assertEquals(200, dashboard.statusCode());
    assertTrue(dashboard.body().contains("Duplicate guard"), "the sample's hooks are listed");
    assertTrue(send("GET", "/settings/hooks/events/before_media_added", null).body().contains("<table>"),
        "its generated event pages are rendered");
  }
}
