package dev.hookpoint.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API the pages' data comes from: shapes, filters, switches, tests, and errors as {"error": ...}. */
class DashboardApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TITLE = "before_media_added/10_title.lua";
  private static final String BROKEN = "before_media_added/20_broken.lua";

  @TempDir Path root;
  private DashboardHost host;

  @BeforeEach
  void start() {
    host = DashboardHost.with(root, DashboardOptions.defaults(), Map.of(TITLE, DashboardHost.TITLE_HOOK,
        BROKEN, DashboardHost.BROKEN_HOOK));
  }

  @AfterEach
  void close() {
    host.close();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    return JSON.readTree(response.body());
  }

  @Test
  void hooksListEveryHookWithMetadataLoadErrorAndMetrics() throws Exception {
    host.addMedia("Heat");
    JsonNode hooks = json(host.get("/api/hooks"));
    assertEquals(2, hooks.size());
    JsonNode title = hooks.get(0);
    assertEquals(TITLE, title.get("id").asText());
    assertEquals("ops team", title.get("author").asText());
    assertEquals("lua", title.get("executor").asText());
    assertTrue(title.get("loaded").asBoolean());
    assertEquals(1, title.get("metrics").get("runs").asLong());
    JsonNode broken = hooks.get(1).get("load_error");
    assertEquals("load_error", broken.get("category").asText());
    assertTrue(broken.get("line").isInt(), broken.toString());
    assertEquals(1, hooks.get(1).get("metrics").get("errors_by_category").get("load_error").asLong());
  }

  @Test
  void disableAndEnableTakeAJsonBodyAndSwitchTheHook() throws Exception {
    HttpResponse<String> disabled = host.postJson("/api/hooks/disable", "{\"id\": \"" + TITLE + "\"}");
    assertEquals(200, disabled.statusCode(), disabled.body());
    assertFalse(json(disabled).get("enabled").asBoolean());
    assertTrue(json(disabled).get("kept").asBoolean(), "the default store keeps it");
    assertFalse(host.runtime.hook(TITLE).orElseThrow().enabled());
    assertEquals(200, host.postJson("/api/hooks/enable", "{\"id\": \"" + TITLE + "\"}").statusCode());
    assertTrue(host.runtime.hook(TITLE).orElseThrow().enabled());

    HttpResponse<String> unknown = host.postJson("/api/hooks/disable", "{\"id\": \"before_media_added/nope.lua\"}");
    assertEquals(404, unknown.statusCode());
    assertEquals("no hook 'before_media_added/nope.lua'", json(unknown).get("error").asText());
    HttpResponse<String> noId = host.postJson("/api/hooks/disable", "{}");
    assertEquals(400, noId.statusCode());
    assertTrue(json(noId).get("error").asText().contains("{\"id\": \"event/file\"}"));
    assertEquals(400, host.postJson("/api/hooks/disable", "{not json").statusCode());
  }

  @Test
  void runsAreFilteredAndOneRunIsFoundByItsId() throws Exception {
    host.addMedia("Heat");
    JsonNode runs = json(host.get("/api/runs"));
    assertEquals(2, runs.size());
    JsonNode errors = json(host.get("/api/runs?status=error"));
    assertEquals(1, errors.size());
    assertEquals(BROKEN, errors.get(0).get("hook").asText());
    assertEquals(0, json(host.get("/api/runs?dry_run=true")).size());
    assertEquals(1, json(host.get("/api/runs?limit=1")).size());
    assertEquals(400, host.get("/api/runs?limit=zero").statusCode());
    assertEquals(400, host.get("/api/runs?dry_run=maybe").statusCode());

    JsonNode title = json(host.get("/api/runs?hook=" + DashboardHost.query(TITLE))).get(0);
    JsonNode run = json(host.get("/api/runs/" + title.get("run_id").asText()));
    assertEquals("Heat (cleaned)", run.get("changes").get("media").get("title").asText());
    assertEquals("cleaned", run.get("message").asText());
    assertEquals("INFO cleaning Heat", run.get("logs").get(0).asText());
    HttpResponse<String> missing = host.get("/api/runs/nope");
    assertEquals(404, missing.statusCode());
    assertEquals("no run 'nope' in the kept history", json(missing).get("error").asText());
  }

  @Test
  void aTestIsADryRunOfAnInstalledHookAndABadPayloadIsA400() throws Exception {
    HttpResponse<String> ran = host.postJson("/api/test", "{\"hook\": \"" + TITLE + "\", \"payload\": "
        + "{\"media\": {\"title\": \"Ronin\", \"year\": 1998}}}");
    assertEquals(200, ran.statusCode(), ran.body());
    JsonNode run = json(ran);
    assertTrue(run.get("dry_run").asBoolean());
    assertEquals("ok", run.get("status").asText());
    assertEquals("Ronin (cleaned)", run.get("changes").get("media").get("title").asText());
    assertTrue(run.get("payload").asText().contains("Ronin"));

    JsonNode example = json(host.postJson("/api/test", "{\"hook\": \"" + TITLE + "\"}"));
    assertEquals("Heat (cleaned)", example.get("changes").get("media").get("title").asText(), "the example");

    HttpResponse<String> bad = host.postJson("/api/test", "{\"hook\": \"" + TITLE + "\", \"payload\": \"{oops\"}");
    assertEquals(400, bad.statusCode());
    assertTrue(json(bad).get("error").asText().startsWith("the payload is not valid JSON"), bad.body());
    HttpResponse<String> code = host.postJson("/api/test", "{\"code\": \"os.exit()\"}");
    assertEquals(400, code.statusCode(), "no route takes hook code");
  }

  @Test
  void eventsAndSettingsAreListed() throws Exception {
    JsonNode events = json(host.get("/api/events"));
    assertEquals(3, events.size());
    JsonNode before = json(host.get("/api/events/before_media_added"));
    assertEquals(TITLE, before.get("hooks").get(0).asText());
    assertTrue(before.get("markdown").asText().startsWith("# before_media_added"));
    assertEquals(404, host.get("/api/events/before_nothing").statusCode());
    JsonNode settings = json(host.get("/api/settings")).get("in_effect");
    assertEquals(5000, settings.get("hooks.default_timeout_ms").asLong());
    assertEquals(10_000_000, settings.get("hooks.lua.max_instructions").asLong());
  }

  @Test
  void aLiveSettingChangesThroughTheApiAndABadOneIsA400WithTheReason() throws Exception {
    JsonNode changed = json(host.postJson("/api/settings", "{\"hooks.max_timeout_ms\": 20000}"));
    assertEquals(20000, changed.get("in_effect").get("hooks.max_timeout_ms").asLong());
    assertEquals(30000, changed.get("file").get("hooks.max_timeout_ms").asLong());
    assertEquals("20000", changed.get("overridden").get("hooks.max_timeout_ms").asText());
    HttpResponse<String> bad = host.postJson("/api/settings", "{\"hooks.default_timeout_ms\": 25000}");
    assertEquals(400, bad.statusCode());
    assertTrue(json(bad).get("error").asText().contains("must not exceed 'hooks.max_timeout_ms' = 20000"),
        bad.body());
    HttpResponse<String> fixed = host.postJson("/api/settings", "{\"hooks.async.pool_size\": 9}");
    assertEquals(400, fixed.statusCode());
    assertTrue(json(fixed).get("error").asText().contains("read at start only"));
    assertEquals(20000, host.runtime.effectiveConfig().hooks().maxTimeoutMs());
    json(host.postJson("/api/settings", "{\"hooks.max_timeout_ms\": null}"));
    assertEquals(host.runtime.config(), host.runtime.effectiveConfig(), "null: back to the file's");
  }
}
