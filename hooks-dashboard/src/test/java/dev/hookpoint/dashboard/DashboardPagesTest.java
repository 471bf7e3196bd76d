package dev.hookpoint.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages over a real runtime, real hooks and real HTTP: what an operator sees and what their clicks do. */
class DashboardPagesTest {

  private static final String TITLE = "before_media_added/10_title.lua";
  private static final String BROKEN = "before_media_added/20_broken.lua";
  private static final String FAILING = "after_media_added/10_failing.lua";

  @TempDir Path root;
  private DashboardHost host;

  @AfterEach
  void close() {
    if (host != null) {
      host.close();
    }
  }

  private DashboardHost start() {
    host = DashboardHost.with(root, DashboardOptions.defaults(), Map.of(TITLE, DashboardHost.TITLE_HOOK,
        BROKEN, DashboardHost.BROKEN_HOOK, FAILING, DashboardHost.FAILING_HOOK));
    return host;
  }

  @Test
  void theHooksPageGroupsHooksByEventWithTheirMetadataLoadErrorLineAndMetrics() throws Exception {
    start().addMedia("Heat");
    String page = host.get("").body();
    assertTrue(page.indexOf("after_media_added") < page.indexOf("before_media_added"), "events in order");
    assertTrue(page.indexOf("10_title.lua") < page.indexOf("20_broken.lua"), "hooks in run order");
    assertTrue(page.contains("Title cleaner") && page.contains("Trims titles") && page.contains("ops team")
        && page.contains("1.2.0"), page);
    assertTrue(page.contains("<dt>executor</dt><dd>lua</dd>"), page);
    assertTrue(page.matches("(?s).*load error: .*\\(before_media_added/20_broken\\.lua:\\d+\\).*"),
        "the load error names the hook's file and line");
    assertFalse(page.contains(root.toAbsolutePath().toString()), "no server path on the page: " + page);
    assertTrue(page.contains("runs 1 · errors 0"), page);
    assertTrue(page.contains("cleaned"), "its last run's message");
  }

  @Test
  void whatAHookSaysAboutItselfOrReturnsIsShownAsTextNeverAsMarkup() throws Exception {
    String hostile = "after_media_added/10_hostile.lua";
    host = DashboardHost.with(root, DashboardOptions.defaults(), Map.of(hostile, """
        hook = { name = "<img src=x onerror=alert(1)>", description = "<script>alert(2)</script>" }
        function execute(event, context)
          return { message = "<b>bold</b>" }
        end
        """));
    new dev.hookpoint.runtime.HookTester(host.runtime).test(host.runtime.hook(hostile).orElseThrow().file(), null,
        null);
    String hooks = host.get("").body();
    assertFalse(hooks.contains("<img src=x") || hooks.contains("<script>alert(2)"), hooks);
    assertTrue(hooks.contains("&lt;img src=x onerror=alert(1)&gt;"));
    String runs = host.get("/runs").body();
    assertFalse(runs.contains("<b>bold</b>"));
    assertTrue(runs.contains("&lt;b&gt;bold&lt;/b&gt;"));
  }

  @Test
  void theSwitchIsAFormThatSwitchesTheHookOffNowAndAfterARestart() throws Exception {
    start();
    HttpResponse<String> switched = host.postForm("/hooks/switch", Map.of("id", TITLE, "enabled", "false"),
        "Origin", host.origin());
    assertEquals(303, switched.statusCode(), switched.body());
    assertFalse(host.runtime.hook(TITLE).orElseThrow().enabled());
    assertEquals("Heat", host.addMedia("Heat").media().title(), "the switched-off hook does not run");
    host.close();
    try (HookRuntime again = TestRuntime.standard(root, "")) {
      assertFalse(again.hook(TITLE).orElseThrow().enabled(), "kept in the store");
    }
    host = null;
  }

  @Test
  void aFormPostWithoutTheCsrfTokenOrWithAWrongOneIsRefused() throws Exception {
    start();
    String form = DashboardHost.form(Map.of("id", TITLE, "enabled", "false"));
    HttpResponse<String> missing = host.post("/hooks/switch", "application/x-www-form-urlencoded", form);
    assertEquals(403, missing.statusCode());
    assertTrue(missing.body().contains("no CSRF token"), missing.body());
    HttpResponse<String> wrong = host.post("/hooks/switch", "application/x-www-form-urlencoded",
        "_csrf=guess&" + form);
    assertEquals(403, wrong.statusCode());
    assertTrue(host.runtime.hook(TITLE).orElseThrow().enabled());
  }

  @Test
  void runsAreFilteredAndTheDetailShowsChangesMessageAndLogs() throws Exception {
    start().addMedia("Heat");
    String all = host.get("/runs").body();
    assertTrue(all.contains(TITLE) && all.contains(BROKEN), all);
    String onlyTitle = host.get("/runs?hook=" + DashboardHost.query(TITLE)).body();
    assertTrue(onlyTitle.contains("<td>" + TITLE + "</td>"));
    assertFalse(onlyTitle.contains("<td>" + BROKEN + "</td>"), "filtered by hook");
    String errors = host.get("/runs?status=error").body();
    assertTrue(errors.contains("<td>" + BROKEN + "</td>") && !errors.contains("<td>" + TITLE + "</td>"));
    assertTrue(host.get("/runs?dry_run=true").body().contains("No runs match."));

    RunRecord run = host.runtime.runStore().recent(10).stream().filter(r -> r.hookId().equals(TITLE))
        .findFirst().orElseThrow();
    String detail = host.get("/runs/" + run.runId()).body();
    assertTrue(detail.contains("Heat (cleaned)"), "changes: " + detail);
    assertTrue(detail.contains("cleaning Heat"), "logs");
    assertTrue(detail.contains("<dd>cleaned</dd>"), "message");
    assertEquals(404, host.get("/runs/no-such-run").statusCode());
  }

  @Test
  void theTesterDryRunsAnInstalledHookOnAnEditedPayloadAndShowsWhatItWouldChange() throws Exception {
    start();
    String picked = host.get("/test?hook=" + DashboardHost.query(TITLE)).body();
    assertTrue(picked.contains("\"title\" : \"Heat\""), "the example payload in the box: " + picked);
    HttpResponse<String> ran = host.postForm("/test", Map.of("hook", TITLE, "payload",
        "{\"media\": {\"title\": \"Ronin\", \"year\": 1998}}"));
    assertEquals(200, ran.statusCode(), ran.body());
    assertTrue(ran.body().contains("Ronin (cleaned)"), ran.body());
    assertTrue(ran.body().contains("cleaning Ronin"), "its logs");
    assertTrue(ran.body().contains("id=\"status\" class=\"ok\""), "its status");
    RunRecord test = host.runtime.runStore().recent(1).get(0);
    assertTrue(test.dryRun());
    assertTrue(host.get("/runs/" + test.runId()).body().contains("Ronin"), "the detail keeps the test's payload");
  }

  @Test
  void invalidJsonInTheTesterIsAClearMessageNotAServerError() throws Exception {
    start();
    HttpResponse<String> bad = host.postForm("/test", Map.of("hook", TITLE, "payload", "{\"media\": {"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("the payload is not valid JSON"), bad.body());
    HttpResponse<String> notObject = host.postForm("/test", Map.of("hook", TITLE, "payload", "[1, 2]"));
    assertEquals(400, notObject.statusCode());
    assertTrue(notObject.body().contains("must be a JSON object"));
    assertEquals(404, host.postForm("/test", Map.of("hook", "before_media_added/../../etc/passwd",
        "payload", "")).statusCode(), "only installed hooks run");
  }

  @Test
  void theEventsPageListsEveryHookPointAndRendersItsGeneratedMarkdownEscaped() throws Exception {
    start();
    String events = host.get("/events").body();
    assertTrue(events.contains("before_media_added") && events.contains("after_media_added")
        && events.contains("on_media_added"));
    String page = host.get("/events/before_media_added").body();
    assertTrue(page.contains("<strong>change the title</strong>"), page);
    assertTrue(page.contains("<table>"), "tables rendered");
    assertEquals(1, page.split("<h1>", -1).length - 1, "the layout's heading only, not the page's own again");
    assertFalse(page.contains("<script>alert"), "raw HTML in the Markdown is escaped");
    assertTrue(host.get("/events/after_media_added").body().contains("No generated page"));
    assertEquals(404, host.get("/events/before_nothing").statusCode());
  }

  @Test
  void theSettingsPageShowsTheLimitsAndChangesATimeoutForTheNextRun() throws Exception {
    String spin = "before_media_added/30_spin.lua";
    host = DashboardHost.with(root, DashboardOptions.defaults(), Map.of(spin,
        "function execute(e, c) while true do end end\n"), "lua:\n  max_instructions: 1000000000000\n");
    String page = host.get("/settings").body();
    assertTrue(page.contains("name=\"hooks.default_timeout_ms\" value=\"5000\""), page);
    assertTrue(page.contains("<code>hooks.async.pool_size</code>"));
    HttpResponse<String> changed = host.postForm("/settings", Map.of("hooks.default_timeout_ms", "150",
        "hooks.process_timeout_ms", "30000", "hooks.max_timeout_ms", "30000"));
    assertEquals(303, changed.statusCode(), changed.body());
    assertEquals(150, host.runtime.effectiveConfig().hooks().defaultTimeoutMs());
    assertTrue(host.get("/settings").body().contains("overridden"));
    host.addMedia("Heat");
    RunRecord run = host.runtime.runStore().recent(1).get(0);
    assertEquals(spin, run.hookId());
    assertTrue(run.error().message().contains("stopped after 150 ms"), run.error().message());
  }

  @Test
  void aBadSettingIsRefusedWithTheReasonAndChangesNothing() throws Exception {
    start();
    HttpResponse<String> refused = host.postForm("/settings", Map.of("hooks.default_timeout_ms", "-3"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("&#39;hooks.default_timeout_ms&#39; = -3 must be greater than 0")
        || refused.body().contains("'hooks.default_timeout_ms' = -3 must be greater than 0"), refused.body());
    assertEquals(host.runtime.config(), host.runtime.effectiveConfig());
    assertTrue(refused.body().contains("name=\"hooks.default_timeout_ms\" value=\"-3\""),
        "what was typed stays in its box, to be corrected: " + refused.body());
  }

  @Test
  void aChangedSettingIsKeptInTheStoreAndHoldsAfterARestart() throws Exception {
    start();
    assertTrue(host.get("/settings").body().contains("still holds after a restart"));
    assertEquals(303, host.postForm("/settings", Map.of("hooks.default_timeout_ms", "7000",
        "hooks.process_timeout_ms", "30000", "hooks.max_timeout_ms", "30000")).statusCode());
    host.close();
    host = DashboardHost.with(root, DashboardOptions.defaults(), Map.of());
    assertEquals(7000, host.runtime.effectiveConfig().hooks().defaultTimeoutMs());
    String page = host.get("/settings").body();
    assertTrue(page.contains("name=\"hooks.default_timeout_ms\" value=\"7000\""), page);
    assertTrue(page.contains("overridden"), page);
  }

  @Test
  void everyPageCountsFailuresUntilTheOperatorLooksAtTheRuns() throws Exception {
    start().addMedia("Heat");
    for (String path : new String[] {"", "/test", "/events", "/settings"}) {
      assertTrue(host.get(path).body().contains("id=\"failures\" class=\"badge\""), path);
    }
    HttpResponse<String> runs = host.get("/runs");
    String cookie = runs.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    assertFalse(host.get("", "Cookie", cookie).body().contains("id=\"failures\""), "seen: no count");
    Thread.sleep(5);
    host.addMedia("Ronin");
    assertTrue(host.get("", "Cookie", cookie).body().contains(">1</span>"), "one new failure");
  }
}
