package dev.hookpoint.sample.web;

import dev.hookpoint.dashboard.DashboardOptions;
import dev.hookpoint.dashboard.HooksDashboard;
import dev.hookpoint.dashboard.RequestGuards;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.InstalledHook;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.sample.app.Mydia;
import dev.hookpoint.sample.cli.Output;
import dev.hookpoint.sample.domain.MediaType;
import dev.hookpoint.sample.domain.NewMedia;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The JSON API of the sample app: media, downloads, hook points, hooks and their runs; an index page with a form
 * that adds a media item through it; and the hooks dashboard under {@code /settings/hooks}. All wiring is here,
 * routes as lambdas; a veto is a 409 naming the hook. Every POST and DELETE under {@code /api} passes the
 * dashboard's guard: not cross-site, and a body only as JSON.
 */
public final class WebApp {

  private static final String INDEX = """
      <!doctype html><html><head><meta charset="utf-8"><title>Mydia sample</title></head><body>
      <h1>Mydia sample (Hookpoint)</h1>
      <p><a href="/settings/hooks">Settings › Hooks</a>: the hooks dashboard (hooks, runs, tester, events, settings)</p>
      <ul>
      <li><a href="/api/media">/api/media</a>: media items (POST to add: {"type": "tv_show", "title": "..."})</li>
      <li><a href="/api/downloads">/api/downloads</a>: downloads</li>
      <li><a href="/api/events">/api/events</a>: hook points</li>
      <li><a href="/api/hooks">/api/hooks</a>: installed hooks</li>
      <li><a href="/api/hooks/runs">/api/hooks/runs</a>: what the hooks did</li>
      </ul>
      <h2>Add a media item</h2>
      <form id="add-media">
      <select name="type"><option value="tv_show">TV show</option><option value="movie">Movie</option></select>
      <input name="title" placeholder="Title" required> <input name="year" type="number" placeholder="Year">
      <button type="submit">Add</button>
      </form>
      <p id="message"></p><pre id="result"></pre>
      <script>
      // Posts the form to /api/media as JSON; shows what the hooks made of the item, or the hook's veto.
      document.getElementById("add-media").addEventListener("submit", async event => {
        event.preventDefault();
        const form = new FormData(event.target), item = {type: form.get("type"), title: form.get("title")};
        if (form.get("year")) item.year = Number(form.get("year"));
        const response = await fetch("/api/media", {method: "POST", headers: {"Content-Type": "application/json"},
          body: JSON.stringify(item)});
        const body = await response.json();
        document.getElementById("message").textContent = response.status === 201
          ? `Added ${body.title} (#${body.id}), quality profile ${body.quality_profile}`
          : response.status === 409 ? `Vetoed by ${body.hook} (${body.hook_id}): ${body.message}`
          : `Error ${response.status}: ${body.error}`;
        document.getElementById("result").textContent = JSON.stringify(body, null, 2);
      });
      </script>
      </body></html>
      """;

  private WebApp() {}

  /** The web app over a running Mydia; {@code start(host, port)} it. */
  public static Javalin create(Mydia app) {
    return Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Output.JSON, false));
      config.registerPlugin(new HooksDashboard(app.hooks(), DashboardOptions.from(app.hooks().config())));
    })
        .before("/api/*", RequestGuards.sameOriginJson())
        .get("/", ctx -> ctx.html(INDEX))
        .get("/api/media", ctx -> ctx.json(app.mediaItems()))
        .post("/api/media", ctx -> ctx.status(201).json(app.addMedia(newMedia(ctx))))
        .get("/api/media/{id}", ctx -> ctx.json(app.mediaItem(id(ctx))))
        .delete("/api/media/{id}", ctx -> {
          app.deleteMedia(id(ctx));
          ctx.status(204);
        })
        .post("/api/media/{id}/search", ctx -> ctx.json(app.search(id(ctx))))
        .get("/api/downloads", ctx -> ctx.json(app.downloads()))
        .get("/api/events", ctx -> ctx.json(app.hooks().hookPoints().stream().map(WebApp::event).toList()))
        .get("/api/hooks", ctx -> ctx.json(app.hooks().hooks().stream().map(WebApp::hook).toList()))
        .get("/api/hooks/runs", ctx -> ctx.json(app.hooks().runStore()
            .recent(ctx.queryParamAsClass("limit", Integer.class).getOrDefault(50)).stream().map(WebApp::run)
            .toList()))
        .post("/api/hooks/enable", ctx -> switchHook(app, ctx, true))
        .post("/api/hooks/disable", ctx -> switchHook(app, ctx, false))
        .exception(HookVetoException.class, (veto, ctx) -> ctx.status(409).json(Map.of(
            "error", "vetoed", "hook", veto.hookName(), "hook_id", veto.hookId(), "message", veto.reason())))
        .exception(NoSuchElementException.class, (e, ctx) -> ctx.status(404).json(Map.of("error", e.getMessage())))
        .exception(IllegalArgumentException.class,
            (e, ctx) -> ctx.status(400).json(Map.of("error", String.valueOf(e.getMessage()))));
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an id: " + ctx.pathParam("id"));
    }
  }

  private static NewMedia newMedia(Context ctx) {
    Map<?, ?> body = ctx.bodyAsClass(Map.class);
    Object type = body.get("type");
    Object title = body.get("title");
    if (!(type instanceof String typeName) || !(title instanceof String titleText) || titleText.isBlank()) {
      throw new IllegalArgumentException("a media item needs \"type\" (tv_show or movie) and \"title\"");
    }
    MediaType mediaType;
    try {
      mediaType = MediaType.valueOf(typeName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"type\" must be tv_show or movie, got " + typeName);
    }
    Integer year = body.get("year") instanceof Number number ? number.intValue() : null;
    Long tmdbId = body.get("tmdb_id") instanceof Number number ? number.longValue() : null;
    return new NewMedia(mediaType, titleText, year, tmdbId, true);
  }

  private static void switchHook(Mydia app, Context ctx, boolean enabled) {
    String id = ctx.queryParam("id");
    if (id == null) {
      throw new IllegalArgumentException("give the hook as ?id=event/file");
    }
    app.hooks().setEnabled(id, enabled);
    ctx.json(Map.of("id", id, "enabled", enabled));
  }

  private static Map<String, Object> event(HookPointDescriptor<?, ?> point) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("name", point.name());
    event.put("mode", point.mode());
    event.put("description", point.description());
    event.put("changeable", point.changeableFields().stream().map(field -> field.path()).toList());
    return event;
  }

  private static Map<String, Object> hook(InstalledHook hook) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", hook.id());
    view.put("name", hook.metadata().name());
    view.put("executor", hook.executorName());
    view.put("enabled", hook.enabled());
    view.put("load_error", hook.loadError() == null ? null : hook.loadError().getMessage());
    return view;
  }

  private static Map<String, Object> run(RunRecord run) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("run_id", run.runId());
    view.put("hook", run.hookId());
    view.put("event", run.event());
    view.put("started_at", run.startedAt().toString());
    view.put("duration_ms", run.durationMicros() / 1000.0);
    view.put("status", run.status().wireName());
    view.put("message", run.message());
    view.put("changes", run.changes());
    view.put("error", run.error() == null ? null : run.error().message());
    view.put("logs", run.logs());
    return view;
  }

}
