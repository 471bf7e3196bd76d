package dev.hookpoint.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.history.SqliteStores;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dead durable run shows a "Run again" button; pressing it runs the hook again, once. */
class RunAgainTest {

  private static final String HOOK = "on_media_added/01_webhook.lua";

  @TempDir Path root;
  private DashboardHost host;

  @AfterEach
  void close() {
    if (host != null) {
      host.close();
    }
  }

  /** Durable on a SQLite file, one attempt per run: the first failure is dead. */
  private DashboardHost start(String hook) {
    TestRuntime.write(root, HOOK, hook);
    String yaml = "async:\n  poll_interval_ms: 50\n  retries: 0\n";
    HookRuntime runtime = HookRuntime.builder(TestRuntime.config(root, yaml)).hookPoints(List.of(TestRuntime.ON)).standardExecutors()
        .dataSource(SqliteStores.dataSource(root.resolve("host.db"))).closeOnShutdown(false).build().start();
    host = new DashboardHost(root, DashboardOptions.defaults(), runtime);
    return host;
  }

  private List<RunRecord> runs() {
    return host.runtime.runStore().recent(100).stream().filter(run -> run.hookId().equals(HOOK)).toList();
  }

  private void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void aDeadRunCanRunAgainFromItsPageOnceAndItsNewRunShowsInTheHooksRuns() throws Exception {
    start("function execute(event, context) error('webhook down') end\n");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = host.runtime.dispatcher().handle(TestRuntime.ON);
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "Heat"));
    await(() -> !runs().isEmpty() && host.runtime.canRunAgain(runs().get(0).runId()), "a dead run, kept");
    RunRecord dead = runs().get(0);
    assertEquals(RunStatus.DEAD, dead.status());
    String page = host.get("/runs/" + dead.runId()).body();
    assertTrue(page.contains("<button type=\"submit\">Run again</button>"), page);
    assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(host.get("/api/runs/" + dead.runId())
        .body()).get("can_run_again").asBoolean(), "the API says so too");

    TestRuntime.write(root, HOOK, "function execute(event, context) return { message = 'delivered' } end\n");
    host.runtime.reload(); // the cause is fixed
    HttpResponse<String> again = host.postForm("/runs/" + dead.runId() + "/again", Map.of(), "Origin",
        host.origin());
    assertEquals(303, again.statusCode(), again.body());
    assertEquals(List.of("/settings/hooks/runs?hook=on_media_added%2F01_webhook.lua"),
        again.headers().allValues("Location"));
    await(() -> runs().size() == 2, "its new run");
    assertEquals(RunStatus.OK, runs().get(0).status(), runs()::toString);
    assertFalse(host.get("/runs/" + dead.runId()).body().contains("Run again"), "run again once");

    HttpResponse<String> twice = host.postJson("/api/runs/" + dead.runId() + "/again", "{}", "Origin",
        host.origin());
    assertEquals(409, twice.statusCode(), twice.body());
    assertTrue(twice.body().contains("no dead run"), twice.body());
    assertEquals(404, host.postJson("/api/runs/no-such-run/again", "{}", "Origin", host.origin()).statusCode());
  }

  @Test
  void aRunThatIsNotDeadHasNoButtonAndIsRefused() throws Exception {
    start("function execute(event, context) return { message = 'delivered' } end\n");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = host.runtime.dispatcher().handle(TestRuntime.ON);
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "Heat"));
    await(() -> !runs().isEmpty(), "the run");
    String id = runs().get(0).runId();
    assertFalse(host.get("/runs/" + id).body().contains("Run again"));
    HttpResponse<String> refused = host.postForm("/runs/" + id + "/again", Map.of(), "Origin", host.origin());
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals(1, runs().size(), "nothing ran again");
  }
}
