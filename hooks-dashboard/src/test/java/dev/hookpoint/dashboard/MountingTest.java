package dev.hookpoint.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.TestRuntime;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A host's own Javalin app mounts the dashboard with one call, under the prefix it chooses, beside its routes. */
@ExtendWith(ClosesRuntimes.class)
class MountingTest {

  @TempDir Path root;
  private HookRuntime runtime;

  @Test
  void oneRegisterPluginCallMountsTheDashboardBesideTheHostsOwnRoutes() throws Exception {
    runtime = TestRuntime.standard(root, "");
    DashboardOptions options = DashboardOptions.from(runtime.config()).withPrefix("/admin/hooks");
    Javalin app = Javalin.create(config -> config.registerPlugin(new HooksDashboard(runtime, options)))
        .get("/", ctx -> ctx.result("the host's own page"));
    app.start("127.0.0.1", 0);
    try {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + app.port();
      assertEquals("the host's own page", client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      HttpResponse<String> hooks = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/hooks/api/events"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, hooks.statusCode());
      assertTrue(hooks.body().contains("before_media_added"));
      assertEquals(404, client.send(HttpRequest.newBuilder(URI.create(base + "/settings/hooks")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode(), "only under the chosen prefix");
    } finally {
      app.stop();
    }
  }

  @Test
  void aPrefixThatCannotBeARoutePrefixIsRefusedSayingWhy() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> DashboardOptions.defaults().withPrefix("hooks/"));
    assertTrue(refused.getMessage().contains("must start with '/'"));
  }
}
