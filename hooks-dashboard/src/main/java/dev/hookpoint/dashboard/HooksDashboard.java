package dev.hookpoint.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.InstalledHook;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.history.StoreException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.plugin.Plugin;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Settings &gt; Hooks for any host on Javalin, mounted in one line:
 *
 * <pre>{@code
 * Javalin.create(config -> config.registerPlugin(new HooksDashboard(runtime, DashboardOptions.from(runtime.config()))));
 * }</pre>
 *
 * <p>Pages (hooks, runs, a tester, the events' pages, the settings) and a JSON API under one prefix, both over the
 * runtime's public surface only. A host without Javalin starts it on its own with {@link #start}. Every request
 * passes {@link Access} (loopback only without a credential) and every state-changing one the cross-site checks
 * of {@link RequestGuards}, a JSON body on the API and the form token on the pages.
 */
public final class HooksDashboard extends Plugin<Void> {

  private static final int LAST_RUNS = 5;
  private static final int RUNS_SHOWN = 200;
  private static final String SEEN_COOKIE = "hookpoint_seen";

  private final Operations operations;
  private final DashboardOptions options;
  private final Access access;
  private final String prefix;
  private final String csrf;

  public HooksDashboard(HookRuntime runtime, DashboardOptions options) {
    this.operations = new Operations(Objects.requireNonNull(runtime, "runtime"));
    this.options = Objects.requireNonNull(options, "options");
    this.access = new Access(options);
    this.prefix = options.prefix();
    byte[] token = new byte[32];
    new SecureRandom().nextBytes(token);
    this.csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** The dashboard alone on {@code host:port} (port 0 for any free one), with the configuration's credential. */
  public static Javalin start(HookRuntime runtime, String host, int port) {
    return start(runtime, DashboardOptions.from(runtime.config()), host, port);
  }

  /**
   * The dashboard alone on {@code host:port}, its root redirecting to the prefix.
   *
   * @throws IllegalStateException when {@code host} is not loopback and no token or credential is set
   */
  public static Javalin start(HookRuntime runtime, DashboardOptions options, String host, int port) {
    if (!Access.isLoopback(host) && !options.secured()) {
      throw new IllegalStateException("refusing to serve the hooks dashboard on " + host + ": beyond loopback it "
          + "needs an operator credential; set hooks.dashboard.token (or hooks.dashboard.user and password), or "
          + "bind 127.0.0.1");
    }
    return Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.registerPlugin(new HooksDashboard(runtime, options));
      config.router.mount(router -> router.get("/", ctx -> ctx.redirect(options.prefix())));
    }).start(host, port);
  }

  @Override
  public String name() {
    return "Hookpoint dashboard (" + prefix + ")";
  }

  @Override
  public boolean repeatable() {
    return true;
  }

  @Override
  public void onStart(JavalinConfig config) {
    config.router.mount(this::routes);
  }

  private void routes(JavalinDefaultRouting router) {
    router.before(prefix, this::guard);
    router.before(prefix + "/*", this::guard);
    router.get(prefix, page(this::hooksPage));
    router.post(prefix + "/hooks/switch", page(this::switchForm));
    router.get(prefix + "/runs", page(this::runsPage));
    router.get(prefix + "/runs/{id}", page(this::runPage));
    router.post(prefix + "/runs/{id}/again", page(this::runAgainForm));
    router.get(prefix + "/test", page(ctx -> testPage(ctx, ctx.queryParam("hook"), null, null, null)));
    router.post(prefix + "/test", page(this::testForm));
    router.get(prefix + "/events", page(this::eventsPage));
    router.get(prefix + "/events/{name}", page(this::eventPage));
    router.get(prefix + "/settings", page(ctx -> settingsPage(ctx, null, Map.of())));
    router.post(prefix + "/settings", page(this::settingsForm));
    router.get(prefix + "/assets/dashboard.js", ctx -> asset(ctx, "dashboard.js", "text/javascript"));
    router.get(prefix + "/assets/dashboard.css", ctx -> asset(ctx, "dashboard.css", "text/css"));

    String api = prefix + "/api";
    router.get(api + "/hooks", json(ctx -> operations.runtime().hooks().stream()
        .map(hook -> Views.hook(operations.runtime(), hook)).toList()));
    router.post(api + "/hooks/enable", json(ctx -> switchHook(ctx, true)));
    router.post(api + "/hooks/disable", json(ctx -> switchHook(ctx, false)));
    router.get(api + "/runs", json(ctx -> operations.runs(filter(ctx), limit(ctx)).stream().map(Views::run)
        .toList()));
    router.get(api + "/runs/{id}", json(ctx -> runView(operations.run(ctx.pathParam("id")))));
    router.post(api + "/runs/{id}/again", json(ctx -> {
      RunRecord run = operations.runAgain(ctx.pathParam("id"));
      return Map.of("run_again", run.runId(), "hook", run.hookId());
    }));
    router.post(api + "/test", json(this::apiTest));
    router.get(api + "/events", json(ctx -> operations.runtime().hookPoints().stream()
        .map(point -> Views.event(point, operations.runtime().hooks())).toList()));
    router.get(api + "/events/{name}", json(ctx -> {
      HookPointDescriptor<?, ?> point = point(ctx.pathParam("name"));
      Map<String, Object> view = Views.event(point, operations.runtime().hooks());
      view.put("markdown", EventPages.markdown(point).orElse(null));
      return view;
    }));
    router.get(api + "/settings", json(ctx -> settingsView()));
    router.post(api + "/settings", json(this::apiSettings));
  }

  // ---- the guard every request passes

  private void guard(Context ctx) {
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
        + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    try {
      access.check(ctx);
      if (RequestGuards.stateChanging(ctx)) {
        RequestGuards.refuseCrossSite(ctx);
        if (isApi(ctx)) {
          RequestGuards.requireJson(ctx);
        } else {
          requireForm(ctx);
        }
      }
    } catch (DashboardException refused) {
      refuse(ctx, refused);
      ctx.skipRemainingHandlers();
    }
  }

  private boolean isApi(Context ctx) {
    return ctx.path().startsWith(prefix + "/api/") || ctx.path().equals(prefix + "/api");
  }

  /** A page's form must be a form, and carry the token its page was rendered with. */
  private void requireForm(Context ctx) {
    String type = ctx.header("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw new DashboardException(415, "this route takes the dashboard's own form "
          + "(application/x-www-form-urlencoded), got " + (type == null ? "no Content-Type" : "'" + type + "'"));
    }
    String given = ctx.formParam("_csrf");
    if (given == null || !java.security.MessageDigest.isEqual(given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        csrf.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw new DashboardException(403, given == null ? "the form has no CSRF token: post it from the dashboard's "
          + "own page" : "the form's CSRF token is wrong or stale: reload the page and post again");
    }
  }

  private void refuse(Context ctx, DashboardException refused) {
    ctx.status(refused.status());
    if (isApi(ctx)) {
      ctx.contentType("application/json").result(jsonText(Map.of("error", refused.getMessage())));
    } else {
      ctx.html(Pages.render("error.jte", chrome(ctx, "Refused", ""), new Pages.ErrorPage(refused.status(),
          refused.getMessage())));
    }
  }

  // ---- handlers: errors become {"error": ...} (API) or an error page, never a stack trace

  @FunctionalInterface
  private interface JsonHandler {
    Object answer(Context ctx) throws Exception;
  }

  private Handler json(JsonHandler handler) {
    return ctx -> {
      try {
        ctx.contentType("application/json").result(jsonText(handler.answer(ctx)));
      } catch (RuntimeException e) {
        DashboardException refused = asRefusal(e);
        ctx.status(refused.status()).contentType("application/json")
            .result(jsonText(Map.of("error", refused.getMessage())));
      }
    };
  }

  private Handler page(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (RuntimeException e) {
        DashboardException refused = asRefusal(e);
        ctx.status(refused.status()).html(Pages.render("error.jte", chrome(ctx, "Error " + refused.status(), ""),
            new Pages.ErrorPage(refused.status(), refused.getMessage())));
      }
    };
  }

  private static DashboardException asRefusal(RuntimeException e) {
    if (e instanceof DashboardException refused) {
      return refused;
    }
    if (e instanceof StoreException store) {
      return new DashboardException(503, "the hook store cannot be used: " + store.getMessage());
    }
    if (e instanceof IllegalArgumentException bad) {
      return new DashboardException(400, String.valueOf(bad.getMessage()));
    }
    org.slf4j.LoggerFactory.getLogger(HooksDashboard.class).error("hooks dashboard: {}", e.toString(), e);
    return new DashboardException(500, "internal error: " + e);
  }

  private static String jsonText(Object value) {
    try {
      return Operations.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- pages

  private Pages.Chrome chrome(Context ctx, String title, String active) {
    long failures;
    try {
      failures = operations.failuresSince(seen(ctx));
    } catch (RuntimeException e) {
      failures = 0;
    }
    return new Pages.Chrome(prefix, title, active, csrf, failures, operations.runtime().hooksDirectory());
  }

  private static Instant seen(Context ctx) {
    String value = ctx.cookie(SEEN_COOKIE);
    if (value == null) {
      return null;
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void hooksPage(Context ctx) {
    List<Pages.EventGroup> groups = new ArrayList<>();
    List<RunRecord> recent = operations.runs(Operations.RunFilter.ALL, Integer.MAX_VALUE);
    operations.hooksByEvent().forEach((event, hooks) -> {
      String mode = operations.runtime().hookPoint(event).map(HookPointDescriptor::mode).orElse("unknown event");
      List<Pages.HookRow> rows = hooks.stream().map(hook -> new Pages.HookRow(hook,
          Views.sandbox(operations.runtime(), hook), operations.runtime().metrics().of(hook.id()),
          recent.stream().filter(run -> run.hookId().equals(hook.id())).limit(LAST_RUNS).toList())).toList();
      groups.add(new Pages.EventGroup(event, mode, rows));
    });
    String storeNote = operations.runtime().storeProblem()
        .map(problem -> "Switches and runs are kept in memory only, until the store is fixed: " + problem.getMessage())
        .orElse(null);
    ctx.html(Pages.render("hooks.jte", chrome(ctx, "Hooks", "hooks"), new Pages.HooksPage(groups, storeNote)));
  }

  private void switchForm(Context ctx) {
    String id = ctx.formParam("id");
    operations.setEnabled(id, "true".equals(ctx.formParam("enabled")));
    ctx.redirect(prefix + "#" + new Pages.HookRow(operations.hook(id), null, null, List.of()).anchor(),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void runsPage(Context ctx) {
    Operations.RunFilter filter = filter(ctx);
    Pages.Chrome chrome = chrome(ctx, "Runs", "runs");
    List<String> events = operations.runtime().hookPoints().stream().map(HookPointDescriptor::name).toList();
    List<String> hooks = operations.runtime().hooks().stream().map(InstalledHook::id).toList();
    List<String> statuses = new ArrayList<>(List.of("error"));
    statuses.addAll(Arrays.stream(RunStatus.values()).map(RunStatus::wireName).toList());
    String page = Pages.render("runs.jte", chrome, new Pages.RunsPage(filter, operations.runs(filter, RUNS_SHOWN),
        events, hooks, statuses));
    // The operator has now seen the failures: the count on every page starts again from here.
    ctx.res().addHeader("Set-Cookie", SEEN_COOKIE + "=" + Instant.now().toEpochMilli() + "; Path=" + prefix
        + "; Max-Age=31536000; HttpOnly; SameSite=Strict");
    ctx.html(page);
  }

  private void runPage(Context ctx) {
    RunRecord run = operations.run(ctx.pathParam("id"));
    ctx.html(Pages.render("run.jte", chrome(ctx, "Run of " + run.hookId(), "runs"), new Pages.RunPage(run,
        operations.payloadOf(run.runId()).orElse(null), Pages.json(run.changes()),
        operations.runtime().canRunAgain(run.runId()))));
  }

  /** Then the hook's runs, where the new attempts appear. */
  private void runAgainForm(Context ctx) {
    RunRecord run = operations.runAgain(ctx.pathParam("id"));
    ctx.redirect(prefix + "/runs?hook=" + java.net.URLEncoder.encode(run.hookId(),
        java.nio.charset.StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void testPage(Context ctx, String hookId, String payload, RunRecord result, String error) {
    List<InstalledHook> hooks = operations.runtime().hooks();
    String selected = hookId == null ? "" : hookId;
    String text = payload;
    if (text == null && !selected.isEmpty()) {
      text = operations.examplePayload(operations.hook(selected).event());
    }
    ctx.html(Pages.render("test.jte", chrome(ctx, "Test a hook", "test"), new Pages.TestPage(hooks, selected,
        text == null ? "" : text, result, error)));
  }

  private void testForm(Context ctx) {
    String hookId = ctx.formParam("hook");
    String payload = ctx.formParam("payload");
    try {
      RunRecord run = operations.test(hookId, payload);
      testPage(ctx, hookId, payload, run, null);
    } catch (DashboardException refused) {
      if (refused.status() != 400) {
        throw refused;
      }
      ctx.status(400);
      testPage(ctx, hookId, payload, null, refused.getMessage());
    }
  }

  private void eventsPage(Context ctx) {
    ctx.html(Pages.render("events.jte", chrome(ctx, "Events", "events"),
        new Pages.EventsPage(operations.runtime().hookPoints())));
  }

  private void eventPage(Context ctx) {
    HookPointDescriptor<?, ?> point = point(ctx.pathParam("name"));
    ctx.html(Pages.render("event.jte", chrome(ctx, point.name(), "events"), new Pages.EventPage(point,
        EventPages.html(point).orElse(null), EventPages.schema(point).orElse(null))));
  }

  /**
   * @param typed what the operator typed in a refused form, shown again so it can be corrected; empty otherwise
   */
  private void settingsPage(Context ctx, String error, Map<String, String> typed) {
    Map<String, Object> effective = Views.settings(operations.runtime().effectiveConfig());
    Map<String, Object> file = Views.settings(operations.runtime().config());
    List<Pages.SettingRow> rows = effective.entrySet().stream().map(entry -> new Pages.SettingRow(entry.getKey(),
        entry.getValue(), file.get(entry.getKey()), HookRuntime.LIVE_SETTINGS.contains(entry.getKey()),
        typed.getOrDefault(entry.getKey(), String.valueOf(entry.getValue())))).toList();
    ctx.html(Pages.render("settings.jte", chrome(ctx, "Settings", "settings"),
        new Pages.SettingsPage(rows, error, operations.runtime().stateStore().persistent())));
  }

  /** The form posts every live setting; only those that differ from what is in effect are changes. */
  private void settingsForm(Context ctx) {
    Map<String, Object> effective = Views.settings(operations.runtime().effectiveConfig());
    Map<String, Object> file = Views.settings(operations.runtime().config());
    Map<String, String> typed = new LinkedHashMap<>();
    Map<String, String> changes = new LinkedHashMap<>();
    for (String key : HookRuntime.LIVE_SETTINGS) {
      String given = ctx.formParam(key);
      if (given != null) {
        typed.put(key, given);
      }
      if (given != null && !given.strip().equals(String.valueOf(effective.get(key)))) {
        // Back to the file's value is no override at all.
        changes.put(key, given.strip().equals(String.valueOf(file.get(key))) ? "" : given);
      }
    }
    try {
      operations.runtime().overrideSettings(changes);
    } catch (IllegalArgumentException refused) {
      ctx.status(400);
      settingsPage(ctx, refused.getMessage(), typed);
      return;
    }
    ctx.redirect(prefix + "/settings", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private Map<String, Object> settingsView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("in_effect", Views.settings(operations.runtime().effectiveConfig()));
    view.put("file", Views.settings(operations.runtime().config()));
    view.put("overridden", operations.runtime().settingOverrides());
    view.put("live", HookRuntime.LIVE_SETTINGS.stream().sorted().toList());
    view.put("persistent", operations.runtime().stateStore().persistent());
    return view;
  }

  /** Body {@code {"hooks.default_timeout_ms": 8000}}: numbers or text, {@code null} or "" for the file's value. */
  private Map<String, Object> apiSettings(Context ctx) {
    Map<String, String> changes = new LinkedHashMap<>();
    body(ctx).fields().forEachRemaining(field -> changes.put(field.getKey(),
        field.getValue().isNull() ? "" : field.getValue().asText()));
    operations.runtime().overrideSettings(changes);
    return settingsView();
  }

  private static void asset(Context ctx, String name, String type) throws IOException {
    try (InputStream in = HooksDashboard.class.getResourceAsStream("assets/" + name)) {
      ctx.contentType(type).header("Cache-Control", "max-age=300").result(Objects.requireNonNull(in).readAllBytes());
    }
  }

  // ---- the API's inputs

  private HookPointDescriptor<?, ?> point(String name) {
    return operations.runtime().hookPoint(name).orElseThrow(() -> new DashboardException(404, "no event '" + name
        + "'; the events are " + operations.runtime().hookPoints().stream().map(HookPointDescriptor::name)
        .collect(Collectors.joining(", "))));
  }

  private static Operations.RunFilter filter(Context ctx) {
    return Operations.RunFilter.of(ctx.queryParam("event"), ctx.queryParam("hook"), ctx.queryParam("status"),
        ctx.queryParam("dry_run"));
  }

  private static int limit(Context ctx) {
    String limit = ctx.queryParam("limit");
    if (limit == null) {
      return 50;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value < 1) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new DashboardException(400, "limit must be a whole number above 0, got '" + limit + "'");
    }
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode body = Operations.JSON.readTree(ctx.body());
      if (body == null || !body.isObject()) {
        throw new DashboardException(400, "the body must be a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw new DashboardException(400, "the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private Map<String, Object> switchHook(Context ctx, boolean enabled) {
    JsonNode id = body(ctx).get("id");
    if (id == null || !id.isTextual()) {
      throw new DashboardException(400, "give the hook as {\"id\": \"event/file\"}");
    }
    operations.setEnabled(id.asText(), enabled);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id.asText());
    answer.put("enabled", enabled);
    answer.put("kept", operations.runtime().stateStore().persistent());
    return answer;
  }

  private Map<String, Object> apiTest(Context ctx) {
    JsonNode body = body(ctx);
    JsonNode hook = body.get("hook");
    if (hook == null || !hook.isTextual()) {
      throw new DashboardException(400, "give the hook as {\"hook\": \"event/file\", \"payload\": {...}}");
    }
    JsonNode payload = body.get("payload");
    String text = payload == null || payload.isNull() ? null : payload.isTextual() ? payload.asText()
        : payload.toString();
    return runView(operations.test(hook.asText(), text));
  }

  private Map<String, Object> runView(RunRecord run) {
    Map<String, Object> view = Views.run(run);
    view.put("payload", operations.payloadOf(run.runId()).orElse(null));
    view.put("can_run_again", operations.runtime().canRunAgain(run.runId()));
    return view;
  }
}
