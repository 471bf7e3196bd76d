package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.HookContexts;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.RuntimeInternals;
import dev.hookpoint.runtime.contract.FieldInfo;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.HookStats;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.ScriptExecutor;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The sync chain through a real runtime over real hook files. */
@ExtendWith(ClosesRuntimes.class)
class DispatchTest {

  @TempDir Path root;
  private final ScriptExecutor executor = new ScriptExecutor();
  private HookRuntime runtime;

  private HookPointHandle<MediaEvent, MediaEvent.Changes> before(String yaml) {
    runtime = TestRuntime.builder(root, yaml, executor).build().start();
    return runtime.dispatcher().handle(TestRuntime.BEFORE);
  }

  private static MediaEvent event(HookPointHandle<MediaEvent, MediaEvent.Changes> handle, String title) {
    return MediaEvent.of("before_media_added", handle.context(), title);
  }

  private RunRecord lastRun() {
    return runtime.runStore().recent(1).get(0);
  }

  @Test
  void hooksRunInOrderAndEachSeesTheEarlierChanges() {
    TestRuntime.write(root, "before_media_added/10_c.hook", "{\"append\": \"c\"}");
    TestRuntime.write(root, "before_media_added/2_b.hook", "{\"append\": \"b\"}");
    TestRuntime.write(root, "before_media_added/01_a.hook", "{\"append\": \"a\"}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("");
    assertTrue(handle.isActive());
    assertEquals("Heat-abc", handle.runSync(event(handle, "Heat-")).media().title());
    List<String> order = runtime.runStore().recent(3).stream().map(RunRecord::hookId).toList();
    assertEquals(List.of("before_media_added/10_c.hook", "before_media_added/2_b.hook",
        "before_media_added/01_a.hook"), order);
  }

  @Test
  void haltInBeforeVetoesWithTheHookNameAndMessageAndStopsTheChain() {
    TestRuntime.write(root, "before_media_added/01_guard.hook", "# name: Duplicate guard\n"
        + "{\"append\": \"!\", \"halt\": true}");
    TestRuntime.write(root, "before_media_added/02_never.hook", "{\"append\": \"x\"}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("");
    HookVetoException veto = assertThrows(HookVetoException.class, () -> handle.runSync(event(handle, "Heat")));
    assertEquals("Duplicate guard", veto.hookName());
    assertEquals("before_media_added/01_guard.hook", veto.hookId());
    assertEquals("stopped here", veto.reason());
    assertEquals(1, executor.runs.get(), "the chain stopped at the halt");
    assertEquals(RunStatus.HALTED, lastRun().status());
  }

  @Test
  void haltInAfterKeepsItsChangesAndStopsTheChain() {
    TestRuntime.write(root, "after_media_added/01_stop.hook", "{\"append\": \"!\", \"halt\": true}");
    TestRuntime.write(root, "after_media_added/02_never.hook", "{\"append\": \"x\"}");
    runtime = TestRuntime.builder(root, "", executor).build().start();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.AFTER);
    MediaEvent result = handle.runSync(MediaEvent.of("after_media_added", handle.context(), "Heat"));
    assertEquals("Heat!", result.media().title());
    assertEquals(1, executor.runs.get());
  }

  @Test
  void eachErrorCategoryIsRecordedAndTheChainGoesOn() {
    TestRuntime.write(root, "before_media_added/01_load.hook", "SYNTAX ERROR here");
    TestRuntime.write(root, "before_media_added/02_exec.hook", "{\"fail\": \"attempt to index a nil value\"}");
    TestRuntime.write(root, "before_media_added/03_slow.hook", "# timeout_ms: 50\n{\"sleep_ms\": 5000}");
    TestRuntime.write(root, "before_media_added/04_data.hook",
        "{\"result\": {\"changes\": {\"media\": {\"year\": 2000}}}}");
    TestRuntime.write(root, "before_media_added/05_shape.hook", "{\"result\": \"yes\"}");
    TestRuntime.write(root, "before_media_added/06_good.hook", "{\"append\": \" (ok)\"}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("");
    assertEquals("Heat (ok)", handle.runSync(event(handle, "Heat")).media().title());
    List<RunRecord> runs = new java.util.ArrayList<>(runtime.runStore().recent(6));
    java.util.Collections.reverse(runs);
    assertEquals(List.of(RunStatus.LOAD_ERROR, RunStatus.EXECUTION_ERROR, RunStatus.TIMEOUT, RunStatus.DATA_ERROR,
        RunStatus.DATA_ERROR, RunStatus.OK), runs.stream().map(RunRecord::status).toList());
    assertEquals(1, runs.get(0).error().line());
    assertEquals("attempt to index a nil value", runs.get(1).error().message());
    assertEquals(3, runs.get(1).error().line());
    assertEquals("unknown key 'media.year': hooks may change only title; the hook's changes were ignored",
        runs.get(3).error().message());
    assertEquals("a hook must return a table/object like { modified = false }, got the string 'yes'",
        runs.get(4).error().message());
  }

  @Test
  void changesTheHostsRecordsRefuseAreADataErrorAndTheChainGoesOn() {
    TestRuntime.write(root, "before_media_added/01_bad.hook",
        "{\"result\": {\"changes\": {\"media\": {\"title\": \"reject me\"}}}}");
    TestRuntime.write(root, "before_media_added/02_good.hook", "{\"append\": \"!\"}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("");
    assertEquals("Heat!", handle.runSync(event(handle, "Heat")).media().title());
    RunRecord bad = runtime.runStore().recent(2).get(1);
    assertEquals(RunStatus.DATA_ERROR, bad.status());
    assertEquals("the host rejected the changes: titles may not say 'reject me'; the hook's changes were ignored",
        bad.error().message());
  }

  @Test
  void twoCatalogsDescribingOneEventGetTheirOwnHandles() {
    TestRuntime.write(root, "before_media_added/01_a.hook", "{\"append\": \"!\"}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> first = before("");
    HookPointDescriptor<MediaEvent, MediaEvent.Changes> otherCatalogs = HookPointDescriptor
        .builder("before_media_added", MediaEvent.class, MediaEvent.Changes.class)
        .source("another.library.Media#add(Media)")
        .fields(TestRuntime.BEFORE.fields().toArray(new FieldInfo[0]))
        .changes(MediaEvent.Changes::fromWire, MediaEvent::with)
        .build();
    HookPointHandle<MediaEvent, MediaEvent.Changes> second = runtime.dispatcher().handle(otherCatalogs);
    assertTrue(first != second);
    assertTrue(second.isActive());
    assertEquals("Heat!", second.runSync(event(second, "Heat")).media().title());
    assertEquals("Heat!", first.runSync(event(first, "Heat")).media().title());
  }

  @Test
  void eachCatalogsDescriptorGivesItsOwnRunsTheirEnvironmentVariables() {
    TestRuntime.write(root, "before_media_added/01_env.hook", "{\"report_env_vars\": true}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> first = before("");
    HookPointDescriptor<MediaEvent, MediaEvent.Changes> otherCatalogs = HookPointDescriptor
        .builder("before_media_added", MediaEvent.class, MediaEvent.Changes.class)
        .source("another.library.Media#add(Media)")
        .fields(new FieldInfo("media.title", "string", "the title", "HOOK_TITLE", true))
        .changes(MediaEvent.Changes::fromWire, MediaEvent::with)
        .build();
    HookPointHandle<MediaEvent, MediaEvent.Changes> second = runtime.dispatcher().handle(otherCatalogs);
    first.runSync(event(first, "Heat"));
    assertEquals("{media.title=HOOK_MEDIA_TITLE, media.year=HOOK_MEDIA_YEAR}", lastRun().message());
    second.runSync(event(second, "Heat"));
    assertEquals("{media.title=HOOK_TITLE}", lastRun().message());
  }

  @Test
  void timeoutIsCappedByTheConfiguredMaximum() {
    TestRuntime.write(root, "before_media_added/01_slow.hook", "# timeout_ms: 60000\n{\"sleep_ms\": 10000}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("default_timeout_ms: 100\nmax_timeout_ms: 200");
    long start = System.nanoTime();
    handle.runSync(event(handle, "Heat"));
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(RunStatus.TIMEOUT, lastRun().status());
    assertEquals("stopped after 200 ms", lastRun().error().message());
    assertTrue(elapsedMs < 5_000, "stopped near the 200 ms cap, not the hook's 60 s: " + elapsedMs);
  }

  @Test
  void dryRunRecordsChangesButDoesNotApplyThem() {
    TestRuntime.write(root, "before_media_added/01_a.hook", "{\"append\": \"!\"}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("");
    MediaEvent result;
    try (HookContexts.Scope scope = HookContexts.bind(HookContext.system().asDryRun())) {
      result = handle.runSync(event(handle, "Heat"));
    }
    assertEquals("Heat", result.media().title());
    RunRecord run = lastRun();
    assertTrue(run.dryRun());
    assertEquals(Map.of("media", Map.of("title", "Heat!")), run.changes());
  }

  @Test
  void mydiaShapeAndFlatShapeChangesAreMergedToo() {
    TestRuntime.write(root, "before_media_added/01_data.hook",
        "{\"result\": {\"modified\": true, \"changes\": {\"data\": {\"media\": {\"title\": \"A\"}}}}}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("");
    assertEquals("A", handle.runSync(event(handle, "Heat")).media().title());
    TestRuntime.write(root, "before_media_added/01_data.hook",
        "{\"result\": {\"modified\": true, \"changes\": {\"title\": \"B\"}}}");
    runtime.reload();
    assertEquals("B", handle.runSync(event(handle, "Heat")).media().title());
  }

  @Test
  void logLinesAreKeptCappedInCountAndLength() {
    TestRuntime.write(root, "before_media_added/01_chatty.hook",
        "{\"log\": [\"one\", \"" + "x".repeat(50) + "\", \"three\", \"four\"]}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle =
        before("history:\n  max_log_lines: 2\n  max_log_line_length: 10");
    handle.runSync(event(handle, "Heat"));
    assertEquals(List.of("INFO one", "INFO xxxxxxxxxx... (40 more characters)",
        "WARN 2 more log lines dropped (limit 2)"), lastRun().logs());
  }

  @Test
  void metricsCountRunsErrorsByCategoryAndDurations() {
    TestRuntime.write(root, "before_media_added/01_exec.hook", "{\"fail\": \"boom\"}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("");
    for (int i = 0; i < 3; i++) {
      handle.runSync(event(handle, "Heat"));
    }
    HookStats.Snapshot stats = runtime.metrics().of("before_media_added/01_exec.hook");
    assertEquals(3, stats.runs());
    assertEquals(3, stats.errors());
    assertEquals(Map.of("execution_error", 3L), stats.errorsByCategory());
    assertTrue(stats.p50Micros() <= stats.p95Micros() && stats.p95Micros() <= stats.maxMicros());
  }

  @Test
  void disabledHooksDoNotRunAndTheSwitchSurvivesReload() {
    TestRuntime.write(root, "before_media_added/01_a.hook", "{\"append\": \"!\"}");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("");
    runtime.setEnabled("before_media_added/01_a.hook", false);
    assertFalse(handle.isActive(), "no enabled hook: the wrapper's branch skips the chain");
    runtime.reload();
    assertFalse(handle.isActive());
    assertFalse(runtime.hooks().get(0).enabled());
    runtime.setEnabled("before_media_added/01_a.hook", true);
    assertEquals("Heat!", handle.runSync(event(handle, "Heat")).media().title());
    assertThrows(IllegalArgumentException.class, () -> runtime.setEnabled("nope/01.hook", false));
  }

  @Test
  void missingDirectoryOrDisabledHooksMeanNoHooks() {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = before("");
    assertFalse(handle.isActive());
    runtime.close();
    TestRuntime.write(root, "before_media_added/01_a.hook", "{\"append\": \"!\"}");
    runtime = TestRuntime.builder(root, "enabled: false", executor).build().start();
    assertFalse(runtime.dispatcher().handle(TestRuntime.BEFORE).isActive());
    assertEquals(List.of(), runtime.hooks());
  }

  @Test
  void unchangedHooksAreNotLoadedAgainOnReload() {
    TestRuntime.write(root, "before_media_added/01_a.hook", "{\"append\": \"!\"}");
    before("");
    Object loaded = RuntimeInternals.registry(runtime).hooks().get(0).loaded();
    runtime.reload();
    assertTrue(loaded == RuntimeInternals.registry(runtime).hooks().get(0).loaded(), "same content, same loaded hook");
    TestRuntime.write(root, "before_media_added/01_a.hook", "{\"append\": \"?\"}");
    runtime.reload();
    assertFalse(loaded == RuntimeInternals.registry(runtime).hooks().get(0).loaded(), "changed content is loaded again");
  }

  @Test
  void fileNoExecutorHandlesIsALoadError() {
    TestRuntime.write(root, "before_media_added/01_a.unknown", "x");
    before("");
    assertEquals("no executor runs 01_a.unknown: hooks are .lua scripts or executable files",
        runtime.hooks().get(0).loadError().getMessage());
    assertNull(RuntimeInternals.registry(runtime).hooks().get(0).loaded());
  }
}
