package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code print} and {@code log.*} inside the run's budget: each value is cut to the line length before it becomes
 * a Java string, so printing huge strings costs the line, not the strings; and control characters in a hook's
 * line never reach the host's log raw.
 */
class LuaLogLinesTest {

  private static final long TIMEOUT_MS = 1_000;
  private static final long MAX_MEMORY = 50_000_000;
  private static final Duration BOUND = Duration.ofMillis(TIMEOUT_MS + 2_000);
  /** The harness keeps lines of 1000 characters; a cut line ends with a note of what was left out. */
  private static final int LINE = "ERROR ".length() + 1_000 + "... (9999999999 more characters)".length();
  /** A 10 MB string, built in two cheap steps. */
  private static final String BIG = "local s = ('x'):rep(1e4):rep(1e3) ";

  @TempDir Path dir;

  /** What a run gave, and how many bytes its thread allocated. */
  private record Measured(LuaHarness.Outcome outcome, long allocated) {}

  private Measured run(String source) {
    return run(source, MAX_MEMORY);
  }

  private Measured run(String source, long maxMemory) {
    LuaHarness harness = new LuaHarness(dir, "max_instructions: 5000000\nmax_memory_bytes: " + maxMemory);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return assertTimeoutPreemptively(BOUND, () -> {
      long before = threads.getCurrentThreadAllocatedBytes();
      LuaHarness.Outcome outcome = harness.run(source, LuaHarness.event(), TIMEOUT_MS);
      return new Measured(outcome, threads.getCurrentThreadAllocatedBytes() - before);
    });
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      local t = {} for i = 1, 15 do t[i] = s end print(unpack(t)) return {}
      local t = {} for i = 1, 200 do t[i] = s end print(unpack(t)) return {}
      local t = {} for i = 1, 200 do t[i] = s end log.info(s) log.warn(s) log.error(s) return {}
      print(s, 1, true, {}, s) return {}
      """)
  void hugeValuesPrintAsOneCutLineWithinTheRunsMemory(String script) {
    Measured run = run(BIG + script);
    assertEquals("ok", run.outcome().category(), () -> run.outcome().failure().getMessage());
    assertTrue(run.allocated() < MAX_MEMORY, "allocated " + (run.allocated() >> 20) + " MB");
    for (String line : run.outcome().logs()) {
      assertTrue(line.length() <= LINE, "a line of " + line.length() + " characters");
      assertTrue(line.matches("(INFO|WARN|ERROR) x{990,}.*\\.\\.\\. \\(\\d+ more characters\\)"), line);
    }
  }

  @Test
  void aCutLineSaysHowMuchWasLeftOut() {
    LuaHarness.Outcome outcome = run("local s = ('x'):rep(1500) print(s, s) log.info(s) return {}").outcome();
    assertEquals(List.of("INFO " + "x".repeat(1000) + "... (2001 more characters)",
        "INFO " + "x".repeat(1000) + "... (500 more characters)"), outcome.logs());
  }

  @Test
  void loggingAHugeStringInALoopMeetsTheDeadline() {
    Measured run = run("local s = ('x'):rep(1e4):rep(4e3) for i = 1, 1e9 do log.info(s) end", 100_000_000);
    // A loop of a million calls meets the instruction, time or memory limit, whichever first: all stop it.
    assertTrue(List.of("timeout", "execution_error").contains(run.outcome().category()),
        () -> String.valueOf(run.outcome().failure()));
    assertTrue(run.outcome().failure().getMessage().matches(".*(max_instructions|time limit|max_memory_bytes).*"),
        run.outcome().failure().getMessage());
    assertTrue(run.outcome().millis() < TIMEOUT_MS + 500, run.outcome().millis() + " ms");
    assertEquals(101, run.outcome().logs().size(), "100 lines kept, and one counting the rest");
  }

  @ParameterizedTest(name = "[{index}] {1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      print(s .. s .. s .. s .. s)                                           | '..' would build
      local t = {} for i = 1, 15 do t[i] = s end print(table.concat(t))      | table.concat would build
      log.info(s:rep(15))                                                    | string.rep would build
      local t = {} for i = 1, 15 do t[i] = s end log.info(('%s'):rep(15):format(unpack(t))) | string.format would build
      """)
  void buildingAHugeLineIsALimitErrorBeforeItIsBuilt(String script, String because) {
    Measured run = run(BIG + script);
    assertEquals("execution_error", run.outcome().category());
    assertTrue(run.outcome().failure().getMessage().contains(because), run.outcome().failure().getMessage());
    assertTrue(run.allocated() < MAX_MEMORY, "allocated " + (run.allocated() >> 20) + " MB");
  }

  @Test
  void controlCharactersInAHooksLinesAreEscaped() {
    LuaHarness.Outcome outcome = run("""
        log.warn("ok\\n[main] ERROR dev.hookpoint.Host - FORGED\\27[2J")
        print("a\\tb", "c\\rd\\0e\\127")
        log.error("bell\\7 and C1 \\194\\155")
        return {}
        """).outcome();
    assertEquals(List.of(
        "WARN ok\\n[main] ERROR dev.hookpoint.Host - FORGED\\u001b[2J",
        "INFO a\tb\tc\\rd\\u0000e\\u007f",
        "ERROR bell\\u0007 and C1 \\u009b"), outcome.logs());
  }

  @Test
  void errorMessagesAreEscapedAndCutToo() {
    LuaHarness.Outcome outcome = run("error('bad\\27[2J\\rFORGED ' .. ('x'):rep(1e5))").outcome();
    String message = outcome.failure().getMessage();
    assertTrue(message.startsWith("bad\\u001b[2J\\rFORGED xxx"), message);
    assertTrue(message.length() <= LINE && message.endsWith(" more characters)"), message.length() + " characters");
  }
}
