package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The sweep skips the pids below the hook's only when pids cannot have wrapped around during the run: every doubt
 * reads every process.
 */
class PidCountersTest {

  private static final long PID_MAX = 32_768;
  private static final PidCounters START = new PidCounters(10_000, 200, 20_000);

  @Test
  void aFewForksWithNoWrapAroundSkipTheLowerPids() {
    assertFalse(new PidCounters(10_050, 210, 20_049).mayHaveWrappedSince(START, 20_001, PID_MAX));
  }

  @Test
  void aLastPidBelowTheHooksIsAWrapAround() {
    assertTrue(new PidCounters(10_050, 210, 400).mayHaveWrappedSince(START, 20_001, PID_MAX));
  }

  @Test
  void enoughForksToGoAllTheWayRoundCountAsAWrapAroundEvenWhenTheLastPidIsAboveTheHooks() {
    // 2 * 16_000 forks + 200 tasks at the start reach pid_max - 300: a full round past the hook is possible.
    assertTrue(new PidCounters(26_000, 210, 20_500).mayHaveWrappedSince(START, 20_001, PID_MAX));
  }

  @Test
  void unknownCountersOrPidMaxReadEverything() {
    PidCounters unknown = new PidCounters(-1, -1, -1);
    assertTrue(unknown.mayHaveWrappedSince(START, 20_001, PID_MAX));
    assertTrue(new PidCounters(10_050, 210, 20_049).mayHaveWrappedSince(unknown, 20_001, PID_MAX));
    assertTrue(new PidCounters(10_050, 210, 20_049).mayHaveWrappedSince(START, 20_001, 0));
  }

  @Test
  void theCountersAreReadFromProcAndMoveWithAFork() throws IOException, InterruptedException {
    PidCounters before = PidCounters.now();
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    PidCounters after = PidCounters.now();
    assertTrue(before.forks() > 0 && before.tasks() > 0 && before.lastPid() > 0, before.toString());
    assertTrue(after.forks() > before.forks(), before + " then " + after);
    assertTrue(after.lastPid() >= process.pid() || after.lastPid() < before.lastPid(), after + " " + process.pid());
  }

  @Test
  void pidMaxIsReadWhole() throws IOException {
    // The shell reads it in one go; a reader that takes a byte first gets only "3" of "32768".
    long expected = Long.parseLong(new String(new ProcessBuilder("cat", "/proc/sys/kernel/pid_max").start()
        .getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip());
    assertEquals(expected, ProcessTable.readPidMax());
  }

  @Test
  void aRecentReadingIsNeverNewerThanOneTakenAfterIt() {
    PidCounters first = PidCounters.now();
    PidCounters recent = PidCounters.recentOrNow();
    assertTrue(recent.forks() >= first.forks() && recent.forks() <= PidCounters.now().forks(), recent.toString());
  }
}
