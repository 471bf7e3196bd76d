package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes from real scripts: protocol, environment, failures, timeouts and cleanup. */
class ProcessExecutorTest {

  @TempDir Path dir;
  private ProcessHarness.Outcome last;

  /** The sandbox these tests run in: whatever auto picks here; {@link UnsandboxedProcessExecutorTest} says none. */
  String sandboxYaml() {
    return "";
  }

  private ProcessHarness harness(String yaml) {
    return new ProcessHarness(dir, sandboxYaml() + yaml);
  }

  private ProcessHarness.Outcome run(String source) {
    last = harness("kill_grace_ms: 200").run(source);
    return last;
  }

  @AfterEach
  void nothingLeftBehind() {
    if (last != null) {
      assertEquals(List.of(), ProcessHarness.survivors(last.runId()), "processes left by the hook");
    }
  }

  private static String env(ProcessHarness.Outcome outcome) {
    return String.join("\n", outcome.logs());
  }

  @Test
  void stdinAndStdoutRoundTripTheEventAndResult() {
    ProcessHarness.Outcome outcome = run("""
        #!/bin/sh
        event=$(cat)
        case "$event" in
          *'"title":"Heat 1995"'*) echo '{"modified": true, "changes": {"download": {"title": "Heat"}}}' ;;
          *) echo '{"modified": false, "message": "the event was not on stdin"}' ;;
        esac
        """);
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(Map.of("modified", true, "changes", Map.of("download", Map.of("title", "Heat"))),
        outcome.result());
  }

  @Test
  void largeEventsRoundTripWithoutDeadlock() {
    Map<String, Object> payload = new HashMap<>(ProcessHarness.event());
    payload.put("blob", "x".repeat(4 * 1024 * 1024));
    ProcessHarness.Outcome outcome = harness("kill_grace_ms: 200").run(
        "#!/bin/sh\nsize=$(wc -c)\necho \"{\\\"message\\\": \\\"$size\\\"}\"\n", payload, 10_000);
    last = outcome;
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(Long.parseLong(((Map<?, ?>) outcome.result()).get("message").toString().strip()) > 4_000_000);
  }

  @Test
  void aHookThatNeverReadsStdinIsFineEvenWithALargeEvent() {
    Map<String, Object> payload = new HashMap<>(ProcessHarness.event());
    payload.put("blob", "x".repeat(4 * 1024 * 1024));
    ProcessHarness.Outcome outcome = harness("kill_grace_ms: 200").run("#!/bin/sh\necho '{\"modified\": false}'\n",
        payload, 10_000);
    last = outcome;
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
  }

  @Test
  void emptyStdoutWithExitZeroIsOkAndNotModified() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\nexit 0\n");
    assertEquals("ok", outcome.category());
    assertEquals(null, outcome.result());
  }

  @Test
  void theEnvironmentIsCleanAndCarriesTheEvent() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\nenv | sort >&2\necho '{}'\n");
    String env = env(outcome);
    assertTrue(env.contains("INFO HOOK_EVENT=on_download_completed"), env);
    assertTrue(env.contains("INFO HOOK_EVENT_ID=" + outcome.runId()), env);
    assertTrue(env.contains("INFO HOOK_RUN_ID=" + outcome.runId()), env);
    assertTrue(env.contains("INFO HOOK_ATTEMPT=1"), env);
    assertTrue(env.contains("INFO HOOK_TIMESTAMP=2025-11-05T12:00:00Z"), env);
    assertTrue(env.contains("INFO HOOK_DRY_RUN=false"), env);
    assertTrue(env.contains("INFO HOOK_USER_ID=1"), env);
    assertTrue(env.contains("INFO HOOK_DOWNLOAD_TITLE=Heat 1995"), env);
    assertTrue(env.contains("INFO HOOK_DOWNLOAD_SIZE=1024"), env);
    assertTrue(env.contains("INFO HOOK_DOWNLOAD_TAGS=[\"a\",\"b\"]"), env);
    assertTrue(env.contains("INFO PATH=/usr/local/bin:/usr/bin:/bin"), env);
    assertTrue(env.contains("INFO HOME=/"), env);
    for (String hostVariable : System.getenv().keySet()) {
      if (!List.of("PATH", "HOME", "LANG", "TZ", "LC_ALL", "TMPDIR", "PWD", "SHLVL", "_", "OLDPWD")
          .contains(hostVariable)) {
        assertFalse(env.contains("INFO " + hostVariable + "="), "host variable leaked: " + hostVariable);
      }
    }
  }

  @Test
  void eventTextWithNulBytesStillReachesTheHook() {
    Map<String, Object> payload = new HashMap<>(ProcessHarness.event());
    payload.put("download", Map.of("title", "Heat\u00001995", "size", 1, "tags", List.of()));
    last = harness("kill_grace_ms: 200").run("#!/bin/sh\necho \"$HOOK_DOWNLOAD_TITLE\" >&2\n", payload, 3_000);
    assertEquals("ok", last.category(), () -> String.valueOf(last.failure()));
    assertEquals(List.of("INFO Heat1995"), last.logs());
  }

  @Test
  void operatorsCanPassExtraVariables() {
    last = harness("env:\n  PLEX_TOKEN: abc123").run("#!/bin/sh\necho \"$PLEX_TOKEN\" >&2\n");
    assertEquals(List.of("INFO abc123"), last.logs());
  }

  @Test
  void theHooksDirectoryIsTheWorkingDirectory() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\npwd >&2\n");
    assertEquals(List.of("INFO " + dir.resolve("on_download_completed").toAbsolutePath()), outcome.logs());
  }

  @Test
  void garbageStdoutIsADataErrorShowingTheFirstBytes() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\necho 'Processing done!'\n");
    assertEquals("data_error", outcome.category());
    assertTrue(outcome.failure().getMessage().contains("it began with: 'Processing done!'"),
        outcome.failure().getMessage());
  }

  @Test
  void oversizedStdoutIsADataErrorAndTheHookIsStopped() {
    last = harness("max_output_bytes: 1000").run(
        "#!/bin/sh\nwhile true; do echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done\n");
    assertEquals("data_error", last.category());
    assertTrue(last.failure().getMessage().contains("wrote more than 1000 bytes to stdout"));
    assertTrue(last.millis() < 3_000, last.millis() + " ms");
  }

  @Test
  void stderrIsCapturedLineByLine() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\necho one >&2\necho two >&2\necho '{}'\n");
    assertEquals(List.of("INFO one", "INFO two"), outcome.logs());
  }

  @Test
  void controlCharactersOnStderrAreEscapedAndEachLineStaysOneLine() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n"
        + "printf 'progress\\033[2K\\033[1Gdone\\n' >&2\n"
        + "printf 'ok\\r[main] ERROR dev.hookpoint.Host - FORGED\\033[2J\\n' >&2\n"
        + "printf 'ok\\n[main] ERROR dev.hookpoint.Host - FORGED\\n' >&2\n"
        + "echo '{}'\n");
    assertEquals(List.of(
        "INFO progress\\u001b[2K\\u001b[1Gdone",
        "INFO ok\\r[main] ERROR dev.hookpoint.Host - FORGED\\u001b[2J",
        "INFO ok",
        "INFO [main] ERROR dev.hookpoint.Host - FORGED"), outcome.logs());
  }

  @Test
  void theStderrTailInAFailureIsEscapedToo() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\nprintf 'refused\\033[2J\\rFORGED\\n' >&2\nexit 3\n");
    assertEquals("exited with code 3; stderr ended with: refused\\u001b[2J\\rFORGED",
        outcome.failure().getMessage());
  }

  @Test
  void nonZeroExitIsAnExecutionErrorWithTheCodeAndStderrTail() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\necho 'connecting' >&2\necho 'refused' >&2\nexit 3\n");
    assertEquals("execution_error", outcome.category());
    assertEquals("exited with code 3; stderr ended with: connecting | refused", outcome.failure().getMessage());
  }

  @Test
  void aHookThatIgnoresSigtermIsKilledAtItsTimeout() {
    last = harness("kill_grace_ms: 200").run("#!/bin/sh\ntrap '' TERM\nwhile true; do sleep 0.05; done\n",
        ProcessHarness.event(), 300);
    assertEquals("timeout", last.category());
    assertTrue(last.millis() < 3_000, last.millis() + " ms");
  }

  @Test
  void aHookThatForksChildrenAndHangsLeavesNothingBehind() {
    last = harness("kill_grace_ms: 200").run(
        "#!/bin/sh\nsleep 100 &\nsleep 100 &\n(trap '' TERM; sleep 100) &\nsleep 100\n", ProcessHarness.event(), 300);
    assertEquals("timeout", last.category());
  }

  @Test
  void anOrphanHoldingStdoutOpenDoesNotHoldTheRun() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\n(sleep 100; echo late) &\necho '{\"modified\": false}'\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.millis() < 2_000, outcome.millis() + " ms");
  }

  @Test
  void aChildThatLeavesTheSessionIsStillFound() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\nsetsid sleep 100 > /dev/null 2>&1 < /dev/null &\necho '{}'\n");
    assertEquals("ok", outcome.category());
  }

  @Test
  void childrenForkedWhileCleanupRunsAreFoundToo() {
    ProcessHarness.Outcome outcome = run("#!/bin/bash\n( for i in $(seq 1 40); do /bin/sleep 334 </dev/null >/dev/null "
        + "2>&1 & done ) </dev/null >/dev/null 2>&1 &\necho '{\"modified\": false}'\n");
    assertEquals("ok", outcome.category());
  }

  @Test
  void aNonExecutableFileIsALoadErrorWithTheFix() throws Exception {
    Path file = harness("kill_grace_ms: 200").script("#!/bin/sh\necho '{}'\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    dev.hookpoint.runtime.executor.HookFailure failure = org.junit.jupiter.api.Assertions.assertThrows(
        dev.hookpoint.runtime.executor.HookFailure.class, () -> harness("kill_grace_ms: 200").load(file));
    assertEquals("not executable: chmod +x " + file, failure.getMessage());
  }

  @Test
  void headerCommentGivesMetadata() throws Exception {
    ProcessHarness harness = harness("kill_grace_ms: 200");
    Path file = harness.script("#!/bin/sh\n# name: Notify Plex\n# timeout_ms: 1500\necho '{}'\n");
    assertEquals("Notify Plex", harness.load(file).metadata().name());
    assertEquals(1500L, harness.load(file).metadata().timeoutMs());
  }

  @Test
  void pythonHooksWork() {
    ProcessHarness.Outcome outcome = run("""
        #!/usr/bin/env python3
        import json, sys
        event = json.load(sys.stdin)
        print(json.dumps({"modified": True, "message": event["download"]["title"]}))
        """);
    assertEquals(Map.of("modified", true, "message", "Heat 1995"), outcome.result());
  }

  @Test
  void runsOverTheRateLimitAreSkipped() throws Exception {
    ProcessHarness harness = harness("runs_per_minute: 2");
    Path file = harness.script("#!/bin/sh\necho '{}'\n");
    var hook = harness.load(file);
    List<String> categories = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      try {
        harness.executor.run(hook, new dev.hookpoint.runtime.executor.Invocation("rate-" + i, "on_download_completed",
            ProcessHarness.event(), 3_000, System.nanoTime() + 3_000_000_000L, false,
            new dev.hookpoint.runtime.executor.HookLog("x", 10, 100), Map.of()));
        categories.add("ok");
      } catch (dev.hookpoint.runtime.executor.HookFailure failure) {
        categories.add(failure.category().wireName());
      }
    }
    assertEquals(List.of("ok", "ok", "skipped"), categories);
  }
}
