package dev.hookpoint.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookTester;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real runs become Micrometer meters, tagged by event, hook and status; tests do not. */
class HookMetersTest {

  private static final String TITLE = "before_media_added/10_title.lua";
  private static final String FAILING = "before_media_added/20_failing.lua";

  @TempDir Path root;
  private DashboardHost host;

  @AfterEach
  void close() {
    host.close();
  }

  @Test
  void everyRunIsTimedAndEveryFailureCountedWithEventHookAndStatusTags() {
    host = DashboardHost.with(root, DashboardOptions.defaults(), Map.of(TITLE, DashboardHost.TITLE_HOOK,
        FAILING, DashboardHost.FAILING_HOOK));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    HookMeters.bind(host.runtime, registry);
    host.addMedia("Heat");
    host.addMedia("Ronin");

    Timer ok = registry.find(HookMeters.RUNS).tags("event", "before_media_added", "hook", TITLE, "status", "ok")
        .timer();
    assertEquals(2, ok.count());
    assertTrue(ok.totalTime(TimeUnit.NANOSECONDS) > 0);
    Timer failed = registry.find(HookMeters.RUNS).tags("hook", FAILING, "status", "execution_error").timer();
    assertEquals(2, failed.count());
    assertEquals(2.0, registry.find(HookMeters.ERRORS).tags("event", "before_media_added", "hook", FAILING,
        "status", "execution_error").counter().count());
    assertNull(registry.find(HookMeters.ERRORS).tags("hook", TITLE).counter(), "no errors for the good hook");

    new HookTester(host.runtime).test(host.runtime.hook(TITLE).orElseThrow().file(), null, null);
    assertEquals(2, registry.find(HookMeters.RUNS).tags("hook", TITLE).timer().count(), "a dry run is not load");
  }
}
