package dev.hookpoint.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timeouts an operator changes while the host runs hold from the next run, checked by the file's rules, and after
 * a restart (the default store is {@code root/hooks.db}).
 */
@ExtendWith(ClosesRuntimes.class)
class LiveSettingsTest {

  private static final String SPIN = "function execute(event, context)\n  while true do end\nend\n";

  @TempDir Path root;
  private HookRuntime runtime;

  private HookRuntime start() {
    TestRuntime.write(root, "after_media_added/10_spin.lua", SPIN);
    runtime = TestRuntime.standard(root, "lua:\n  max_instructions: 1000000000000\n");
    return runtime;
  }

  @Test
  void aLoweredDefaultTimeoutStopsTheNextRunAtTheNewLimit() {
    start().overrideSettings(Map.of("hooks.default_timeout_ms", "150"));
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.AFTER);
    handle.runSync(MediaEvent.of("after_media_added", handle.context(), "Heat"));
    RunRecord run = runtime.runStore().recent(1).get(0);
    assertEquals(RunStatus.TIMEOUT, run.status());
    assertTrue(run.error().message().contains("stopped after 150 ms"), run.error().message());
    assertEquals(150, runtime.effectiveConfig().hooks().defaultTimeoutMs());
    assertEquals(5000, runtime.config().hooks().defaultTimeoutMs(), "the file's value is kept apart");
    assertEquals(Map.of("hooks.default_timeout_ms", "150"), runtime.settingOverrides());
  }

  @Test
  void aBadValueIsRefusedWithTheFilesReasonAndChangesNothing() {
    start();
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> runtime.overrideSettings(Map.of("hooks.default_timeout_ms", "0")));
    assertEquals("live setting: 'hooks.default_timeout_ms' = 0 must be greater than 0", zero.getMessage());
    IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
        () -> runtime.overrideSettings(Map.of("hooks.max_timeout_ms", "soon")));
    assertEquals("live setting: 'hooks.max_timeout_ms' = 'soon' is not a whole number", word.getMessage());
    IllegalArgumentException above = assertThrows(IllegalArgumentException.class,
        () -> runtime.overrideSettings(Map.of("hooks.default_timeout_ms", "60000")));
    assertTrue(above.getMessage().contains("must not exceed 'hooks.max_timeout_ms' = 30000"), above.getMessage());
    assertEquals(runtime.config(), runtime.effectiveConfig());
    assertEquals(Map.of(), runtime.settingOverrides());
  }

  @Test
  void onlyTheLiveSettingsChangeAndABlankValueGoesBackToTheFiles() {
    start();
    IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class,
        () -> runtime.overrideSettings(Map.of("hooks.async.pool_size", "8")));
    assertTrue(fixed.getMessage().startsWith("hooks.async.pool_size is read at start only"), fixed.getMessage());
    runtime.overrideSettings(Map.of("hooks.process_timeout_ms", "9000"));
    assertEquals(9000, runtime.effectiveConfig().hooks().processTimeoutMs());
    runtime.overrideSettings(Map.of("hooks.process_timeout_ms", ""));
    assertEquals(runtime.config(), runtime.effectiveConfig());
  }

  @Test
  void aChangedTimeoutOutlivesARestartAndIsShownOverridden() {
    start().overrideSettings(Map.of("hooks.default_timeout_ms", "150", "hooks.process_timeout_ms", "9000"));
    runtime.close();
    HookRuntime again = TestRuntime.standard(root, "lua:\n  max_instructions: 1000000000000\n");
    try {
      assertEquals(Map.of("hooks.default_timeout_ms", "150", "hooks.process_timeout_ms", "9000"),
          again.settingOverrides());
      assertEquals(150, again.effectiveConfig().hooks().defaultTimeoutMs());
      HookPointHandle<MediaEvent, MediaEvent.Changes> handle = again.dispatcher().handle(TestRuntime.AFTER);
      handle.runSync(MediaEvent.of("after_media_added", handle.context(), "Heat"));
      assertEquals(RunStatus.TIMEOUT, again.runStore().recent(1).get(0).status(), "the stored limit stopped it");
      again.overrideSettings(Map.of("hooks.default_timeout_ms", "", "hooks.process_timeout_ms", ""));
    } finally {
      again.close();
    }
    HookRuntime third = TestRuntime.standard(root, "");
    try {
      assertEquals(Map.of(), third.settingOverrides(), "changed back to the file's, and that lasted too");
      assertEquals(third.config(), third.effectiveConfig());
    } finally {
      third.close();
    }
  }

  @Test
  void aStoredValueTheFileNoLongerAllowsIsDroppedAtStartAndTheRestKept() {
    start().overrideSettings(Map.of("hooks.default_timeout_ms", "20000", "hooks.process_timeout_ms", "9000"));
    runtime.close();
    // The file now caps every timeout at 10 s: the stored 20 s default no longer passes its rules.
    HookRuntime capped = TestRuntime.standard(root, "max_timeout_ms: 10000\n");
    try {
      assertEquals(Map.of("hooks.process_timeout_ms", "9000"), capped.settingOverrides());
      assertEquals(5000, capped.effectiveConfig().hooks().defaultTimeoutMs(), "the file's default again");
      assertEquals(9000, capped.effectiveConfig().hooks().processTimeoutMs());
    } finally {
      capped.close();
    }
  }

  @Test
  void aStoreThatKeepsNothingStillChangesTheRunningHost() {
    HookRuntime memory = HookRuntime.builder(TestRuntime.config(root, "")).hookPoints(List.of(TestRuntime.AFTER))
        .standardExecutors().inMemoryStores().build().start();
    try {
      memory.overrideSettings(Map.of("hooks.default_timeout_ms", "700"));
      assertEquals(700, memory.effectiveConfig().hooks().defaultTimeoutMs());
      assertFalse(memory.stateStore().persistent(), "the page says the change lasts until the host restarts");
    } finally {
      memory.close();
    }
  }
}
