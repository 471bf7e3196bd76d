package dev.hookpoint.dashboard;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real runtime over {@code root/hooks} (Lua, the default SQLite store) with the dashboard on 127.0.0.1 and a free
 * port, and plain HTTP to it: what the dashboard's tests share.
 */
final class DashboardHost implements AutoCloseable {

  static final String TITLE_HOOK = """
      hook = { name = "Title cleaner", description = "Trims titles", author = "ops team", version = "1.2.0" }
      function execute(event, context)
        print("cleaning " .. event.media.title)
        return { modified = true, changes = { media = { title = event.media.title .. " (cleaned)" } },
                 message = "cleaned" }
      end
      """;
  static final String BROKEN_HOOK = """
      hook = { name = "Broken" }
      function execute(event, context)
        return {
      """;
  static final String FAILING_HOOK = """
      hook = { name = "Failing" }
      function execute(event, context)
        error("no luck with " .. event.media.title)
      end
      """;

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  final Path root;
  final HookRuntime runtime;
  final Javalin server;
  final String base;
  final HttpClient client = HttpClient.newHttpClient();

  DashboardHost(Path root, DashboardOptions options, String hooksYaml) {
    this(root, options, TestRuntime.standard(root, hooksYaml));
  }

  /** The dashboard over a runtime the test built and started. */
  DashboardHost(Path root, DashboardOptions options, HookRuntime runtime) {
    this.root = root;
    this.runtime = runtime;
    this.server = HooksDashboard.start(runtime, options, "127.0.0.1", 0);
    this.base = "http://127.0.0.1:" + server.port() + options.prefix();
  }

  /** A host over hooks written first: {@code files} maps {@code event/file} to its content. */
  static DashboardHost with(Path root, DashboardOptions options, Map<String, String> files) {
    return with(root, options, files, "");
  }

  /** The same, with {@code hooksYaml} under {@code hooks:} in its configuration. */
  static DashboardHost with(Path root, DashboardOptions options, Map<String, String> files, String hooksYaml) {
    files.forEach((file, content) -> TestRuntime.write(root, file, content));
    return new DashboardHost(root, options, hooksYaml);
  }

  /** One real (not dry) run of the before_ chain, as a host's call would make it. */
  MediaEvent addMedia(String title) {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    return handle.runSync(MediaEvent.of("before_media_added", handle.context(), title));
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String json, String... headers) throws Exception {
    return post(path, "application/json", json, headers);
  }

  /** Posts a form as the dashboard's own page does: same origin, with the page's CSRF token. */
  HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) throws Exception {
    Map<String, String> withToken = new LinkedHashMap<>();
    withToken.put("_csrf", csrf());
    withToken.putAll(fields);
    return post(path, "application/x-www-form-urlencoded", form(withToken), headers);
  }

  String csrf() throws Exception {
    Matcher token = CSRF.matcher(get("").body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on the hooks page");
    }
    return token.group(1);
  }

  String origin() {
    return "http://127.0.0.1:" + server.port();
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop();
    runtime.close();
  }
}
