package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Library functions written in Java that loop over a length or over values the hook controls, running no Lua
 * instruction per step: each loop polls the run's limits or is bounded by what the hook really stored, so a lying
 * {@code __len}, a huge pattern or a table full of holes cannot hold the thread past the deadline.
 */
class LuaLibraryLoopsTest {

  private static final long TIMEOUT_MS = 300;
  /** The deadline plus the margin every attack must end within; a hang fails here instead of blocking. */
  private static final Duration BOUND = Duration.ofMillis(TIMEOUT_MS + 2_000);

  @TempDir Path dir;

  private LuaHarness.Outcome run(String source) {
    return run(source, TIMEOUT_MS);
  }

  private LuaHarness.Outcome run(String source, long timeoutMs) {
    LuaHarness harness = new LuaHarness(dir,
        "max_instructions: 50000000\nmax_memory_bytes: 100000000\nmax_call_depth: 200");
    return assertTimeoutPreemptively(BOUND.plusMillis(timeoutMs - TIMEOUT_MS),
        () -> harness.run(source, LuaHarness.event(), timeoutMs));
  }

  /**
   * A table with one field and room for 2^18 values in its array part, all of them removed again: LuaJ never
   * shrinks an array on removal, so each walk over it steps over 2^18 empty slots.
   */
  private static final String HOLES = "local holes = {x = 1} for i = 1, 2^18 do holes[i] = true end "
      + "for i = 1, 2^18 do holes[i] = nil end ";

  @ParameterizedTest(name = "[{index}] {1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      local s = ('a'):rep(1e6) return {message = s:find('[' .. ('b'):rep(1e6) .. ']')}             | timeout | time limit
      local s = ('a'):rep(1e6) return {message = s:gsub('[' .. ('b'):rep(1e6) .. ']', '')}          | timeout | time limit
      HOLES local r = {} for i = 1, 40000 do r[i] = holes end return {metadata = {r = r}}           | timeout | time limit
      HOLES local r = {} for i = 1, 40000 do r[i] = holes end return {message = json.encode(r)}     | timeout | time limit
      local s = ('x'):rep(1e4):rep(1e3) local t = {} for i = 1, 1e4 do t[i] = s end table.sort(t) | timeout | time limit
      local s = ('\\31'):rep(1e4):rep(1200) return {message = #string.format('%q%q%q%q', s, s, s, s)}        | execution_error | string.format would build
      local k = ('k'):rep(6e3):rep(1e3) local r = {} for i = 1, 200 do r[i] = {[k] = 1} end return {message = #json.encode(r)} | execution_error | holds more than
      local k = ('k'):rep(6e3):rep(1e3) local r = {} for i = 1, 200 do r[i] = {[k] = 1} end return {metadata = r} | data_error | characters
      """)
  void libraryLoopEndsInItsCategoryWithinTheDeadline(String script, String category, String because) {
    // A loop that should meet a size limit gets more time, so that on a loaded machine the clock does not win.
    long timeoutMs = category.equals("timeout") ? TIMEOUT_MS : 3_000;
    LuaHarness.Outcome outcome = run(script.replace("HOLES", HOLES), timeoutMs);
    assertEquals(category, outcome.category(), () -> outcome.failure() == null ? "result " + outcome.result()
        : outcome.failure().getMessage());
    assertTrue(outcome.millis() < BOUND.toMillis() + timeoutMs - TIMEOUT_MS,
        "stopped promptly: " + outcome.millis() + " ms");
    assertTrue(outcome.failure().getMessage().contains(because.strip()),
        "stopped by its own protection: " + outcome.failure().getMessage());
  }

  /**
   * Not library calls, but the same Java work in one step: comparing two long strings, or looking up a key
   * among long keys of the same hash, walks their bytes within a single instruction, a thousand of which pass
   * between two periodic checks.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      local t = {} for j = 1, 60 do t[half:rep(2, string.char(j))] = j end local k = half:rep(2, 'z') for i = 1, 1e9 do local v = t[k] end
      local t = {} for j = 1, 60 do t[half:rep(2, string.char(j))] = j end local k = half:rep(2, 'z') for i = 1, 1e9 do t[k] = i end
      local a = ('x'):rep(1e4):rep(4e3) local b = a .. '' for i = 1, 1e9 do local c = a == b end
      local a = ('x'):rep(1e4):rep(4e3) local b = a .. '' for i = 1, 1e9 do local c = a < b end
      """)
  void instructionsOnLongStringsMeetTheDeadline(String script) {
    // The keys differ at byte 2^19 only, which LuaJ's string hash does not sample. A second, so the strings are
    // built before the deadline.
    LuaHarness.Outcome outcome = run("local half = ('x'):rep(2^19) " + script, 1_000);
    assertEquals("timeout", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertTrue(outcome.millis() < 1_000 + 2_000, "stopped promptly: " + outcome.millis() + " ms");
  }

  @Test
  void tableFindReadsTheListRawSoALyingLengthCannotHoldIt() {
    LuaHarness.Outcome outcome = run("""
        local liar = setmetatable({}, {__len = function() return 2^31 - 1 end, __index = {}})
        local list = setmetatable({"a", "b"}, {__len = function() return 2^31 - 1 end})
        return {message = tostring(table.find(liar, tonumber)) .. " "
          .. select(2, table.find(list, function(v) return v == "b" end))}
        """);
    assertEquals(Map.of("message", "nil 2"), outcome.result());
  }

  @Test
  void tableConcatReadsEachValueOnce() {
    // An __index that answers differently each time it is asked must not change the result between measuring
    // and copying it.
    LuaHarness.Outcome outcome = run("""
        local calls = 0
        local t = setmetatable({}, {__index = function(_, i) calls = calls + 1 return ("x"):rep(calls) end})
        local s = table.concat(t, "", 1, 3)
        return {message = s .. " " .. calls}
        """);
    assertEquals(Map.of("message", "xxxxxx 3"), outcome.result());
  }

  @Test
  void unpackPollsTheLimitsWhileReadingThroughALongIndexChain() {
    // Every value is looked up through 99 tables of __index in Java: no Lua instruction runs between them.
    LuaHarness.Outcome outcome = run("""
        local t = {}
        for i = 1, 99 do t = setmetatable({}, {__index = t}) end
        for i = 1, 1e9 do local n = select("#", unpack(t, 1, 1e6)) end
        """);
    assertTrue(List.of("timeout", "execution_error").contains(outcome.category()), outcome.category());
  }
}
