package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code sandbox: none}, the sweep looks at the pids handed out since the hook started one by one, or lists
 * {@code /proc} when too many were: either way it finds what the hook left behind.
 */
class SweepTest {

  @TempDir Path dir;

  private ProcessHarness.Outcome run(String source) {
    return new ProcessHarness(dir, "sandbox: none\nkill_grace_ms: 200").run(source);
  }

  @Test
  void aFewProcessesLeftBehindAreFoundOneByOne() {
    ProcessHarness.Outcome outcome = run("#!/bin/sh\nsleep 100 > /dev/null 2>&1 < /dev/null &\n"
        + "setsid sleep 100 > /dev/null 2>&1 < /dev/null &\necho '{}'\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(List.of(), ProcessHarness.survivors(outcome.runId()));
  }

  @Test
  void processesLeftBehindAfterHundredsOfOthersAreFoundByListingProc() {
    // More pids handed out during the run than the sweep looks at one by one.
    ProcessHarness.Outcome outcome = run("#!/bin/sh\ni=0\nwhile [ $i -lt 400 ]; do /bin/true; i=$((i+1)); done\n"
        + "sleep 100 > /dev/null 2>&1 < /dev/null &\n"
        + "setsid sleep 100 > /dev/null 2>&1 < /dev/null &\necho '{}'\n");
    assertEquals("ok", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals(List.of(), ProcessHarness.survivors(outcome.runId()));
  }
}
