package dev.hookpoint.sample;

import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.sample.app.Mydia;
import dev.hookpoint.sample.web.WebApp;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sample app's web server, as {@code serve} runs it, on a free port of 127.0.0.1 over a test's data
 * directory (with the example hooks, hot reload off), for the tests that talk to it over HTTP or in a browser.
 */
public final class SampleServer implements AutoCloseable {

  private final Mydia app;
  private final Javalin server;

  private SampleServer(Mydia app, Javalin server) {
    this.app = app;
    this.server = server;
  }

  public static SampleServer start(Path directory) {
    Mydia app = Mydia.open(ConfigLoader.parse("hooks:\n  hot_reload: false\n", "test.yaml", Map.of()), directory,
        false);
    return new SampleServer(app, WebApp.create(app).start("127.0.0.1", 0));
  }

  public Mydia app() {
    return app;
  }

  /** {@code http://127.0.0.1:<port>}, with no slash at the end. */
  public String origin() {
    return "http://127.0.0.1:" + server.port();
  }

  /** {@code path} on this server, e.g. {@code url("/api/media")}. */
  public String url(String path) {
    return origin() + path;
  }

  @Override
  public void close() {
    server.stop();
    app.close();
  }
}
