package dev.hookpoint.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.HookDataException;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.executor.Cancellation;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.LoadedHook;
import dev.hookpoint.runtime.executor.OnError;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.registry.RegisteredHook;
import dev.hookpoint.runtime.testing.MediaEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each step of a hook run alone, around a stand-in for the rest of the run. */
class RunStepsTest {

  private static final HookPointDescriptor<MediaEvent, MediaEvent.Changes> POINT =
      MediaEvent.point("before_media_added", false);
  private static final HookpointConfig.Hooks CONFIG = ConfigLoader.parse("hooks: {}", "test.yaml", Map.of()).hooks();

  private static RegisteredHook hook(OnError onError, HookFailure loadError) {
    HookFile file = new HookFile(Path.of("hooks/before_media_added/01_guard.lua"), "before_media_added",
        "01_guard.lua");
    HookMetadata metadata = new HookMetadata("guard", "", "", "", null, onError);
    LoadedHook loaded = loadError != null ? null : new LoadedHook() {
      @Override
      public HookFile file() {
        return file;
      }

      @Override
      public HookMetadata metadata() {
        return metadata;
      }
    };
    return new RegisteredHook(file, null, loaded, loadError == null ? null : loadError.withMetadata(metadata), "",
        true);
  }

  private static Attempt attempt(RegisteredHook hook, boolean dryRun) {
    MediaEvent event = MediaEvent.of("before_media_added", HookContext.system(), "Heat");
    return new Attempt("run-1", POINT, hook, event, event.toWire(), dryRun, Instant.now(), System.nanoTime(),
        new HookLog(hook.id(), 10, 100), new Cancellation(), 0, 0, false);
  }

  private static Attempt attempt() {
    return attempt(hook(OnError.IGNORE, null), false);
  }

  private static RunStep.Rest returning(Outcome outcome) {
    return attempt -> outcome;
  }

  private static RunStep.Rest throwing(Throwable thrown) {
    return attempt -> {
      if (thrown instanceof HookFailure failure) {
        throw failure;
      }
      if (thrown instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) thrown;
    };
  }

  private static HookResult changingTitleTo(String title) {
    return new HookResult(true, Map.of("media", Map.of("title", title)), "renamed", Map.of(), false);
  }

  @Test
  void loadCheckFailsAHookThatDidNotLoadWithItsLoadErrorAndRunsNothing() {
    HookFailure loadError = HookFailure.loadError("unexpected symbol", "01_guard.lua", 3);
    List<Attempt> reached = new ArrayList<>();
    HookFailure thrown = assertThrows(HookFailure.class, () -> new LoadCheck().run(
        attempt(hook(OnError.IGNORE, loadError), false), attempt -> {
          reached.add(attempt);
          return Outcome.returned(null);
        }));
    assertEquals("unexpected symbol", thrown.getMessage());
    assertEquals(List.of(), reached);
  }

  @Test
  void failSoftTurnsEachKindOfFailureIntoTheRunsStatus() {
    FailSoft step = new FailSoft();
    assertEquals(RunStatus.TIMEOUT, step.run(attempt(), throwing(HookFailure.timeout("slow", "f"))).status());
    assertEquals(RunStatus.DATA_ERROR, step.run(attempt(), throwing(new ResultParser.InvalidResultException("no")))
        .status());
    Outcome bug = step.run(attempt(), throwing(new IllegalStateException("a bug\nwith a forged line")));
    assertEquals(RunStatus.EXECUTION_ERROR, bug.status());
    assertEquals("the hook failed unexpectedly: java.lang.IllegalStateException: a bug\\nwith a forged line",
        bug.error().message());
    assertEquals(RunStatus.EXECUTION_ERROR, step.run(attempt(), throwing(new StackOverflowError())).status());
  }

  @Test
  void failSoftReportsARunStoppedFromOutsideAsTheStop() {
    Attempt attempt = attempt();
    attempt.cancellation().cancel(RunStatus.LOST, "the host shut down");
    Outcome outcome = new FailSoft().run(attempt, throwing(HookFailure.executionError("exit 137", "f", null)));
    assertEquals(RunStatus.LOST, outcome.status());
    assertEquals("the host shut down", outcome.error().message());
  }

  @Test
  void vetoesMakeAFailedGuardVetoWithTheReasonAndLeaveOthersAlone() throws HookFailure {
    Outcome failed = Outcome.failed(RunStatus.TIMEOUT, new HookError("timeout", "slow", "f", null));
    Vetoes vetoes = new Vetoes(CONFIG);
    Outcome guard = vetoes.run(attempt(hook(OnError.VETO, null), false), returning(failed));
    assertTrue(guard.vetoes());
    assertEquals("vetoed before_media_added: the hook failed (timeout) and declares on_error: veto", guard.message());
    Outcome plain = vetoes.run(attempt(), returning(failed));
    assertEquals(false, plain.vetoes());
    assertEquals("", plain.message());
  }

  @Test
  void parseChecksTheRawResultAndNamesAHalt() throws HookFailure {
    Parse parse = new Parse(new PointInfos());
    Outcome halted = parse.run(attempt(), returning(Outcome.returned(Map.of("halt", true, "message", "dupe"))));
    assertEquals(RunStatus.HALTED, halted.status());
    assertEquals("dupe", halted.message());
    assertThrows(ResultParser.InvalidResultException.class,
        () -> parse.run(attempt(), returning(Outcome.returned(Map.of("halted", true)))));
  }

  @Test
  void parseLeavesARunTheWatchdogRecordedAsItIs() throws HookFailure {
    RunRecord record = new RunRecord("run-1", "h", "before_media_added", Instant.now(), 1, RunStatus.TIMEOUT, false,
        Map.of(), "", new HookError("timeout", "abandoned", "f", null), List.of(), false);
    Outcome abandoned = Outcome.abandoned(record, false);
    assertSame(abandoned, new Parse(new PointInfos()).run(attempt(), returning(abandoned)));
  }

  @Test
  void decodeAndMergeGiveTheNextHookTheChangedEvent() throws HookFailure {
    Outcome decoded = new Decode().run(attempt(), returning(Outcome.returned(null)
        .withResult(changingTitleTo("Heat (1995)"))));
    assertEquals(new MediaEvent.Changes(new MediaEvent.MediaChanges("Heat (1995)")), decoded.changes());
    Outcome merged = new Merge().run(attempt(), returning(decoded));
    assertEquals("Heat (1995)", ((MediaEvent) merged.merged()).media().title());
    assertNull(new Merge().run(attempt(hook(OnError.IGNORE, null), true), returning(decoded)).merged(),
        "a dry run merges nothing");
  }

  @Test
  void mergeMakesChangesTheHostRefusesADataError() throws HookFailure {
    Outcome refused = new Decode().run(attempt(), returning(Outcome.returned(null)
        .withResult(changingTitleTo("reject me"))));
    HookDataException thrown = assertThrows(HookDataException.class,
        () -> new Merge().run(attempt(), returning(refused)));
    assertTrue(thrown.getMessage().contains("the host rejected the changes: titles may not say 'reject me'"),
        thrown.getMessage());
  }

  @Test
  void recordingTellsEveryListenerOnceEvenWhenOneThrows() throws HookFailure {
    Recording recording = new Recording();
    List<RunRecord> heard = new ArrayList<>();
    recording.listen(run -> {
      throw new IllegalStateException("a broken listener");
    });
    recording.listen(heard::add);
    Outcome outcome = recording.run(attempt(), returning(Outcome.returned(null).withResult(changingTitleTo("X"))));
    assertEquals(List.of(outcome.record()), heard);
    assertEquals(Map.of("media", Map.of("title", "X")), outcome.record().changes());
    assertEquals("renamed", outcome.record().message());
    Outcome again = recording.run(attempt(), returning(outcome));
    assertSame(outcome, again, "a run already recorded is not recorded twice");
    assertEquals(1, heard.size());
  }
}
