package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.executor.HookFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile hooks: each attack ends in its category within the run's limits, the host keeps running, and no thread
 * the hook started is left behind.
 */
class LuaLimitsTest {

  private static final long TIMEOUT_MS = 300;

  @TempDir Path dir;

  /**
   * An attack that should meet another limit than the clock gets a longer time limit, so that on a loaded machine
   * the clock does not win the race before the limit under test has had its chance.
   */
  private static final long NOT_THE_CLOCK_MS = 3_000;

  private LuaHarness.Outcome run(String source) {
    return run(source, TIMEOUT_MS);
  }

  private LuaHarness.Outcome run(String source, long timeoutMs) {
    return new LuaHarness(dir, "max_instructions: 5000000\nmax_memory_bytes: 20000000\nmax_call_depth: 200")
        .run(source, LuaHarness.event(), timeoutMs);
  }

  /** Attacks that allocate on every step meet the memory limit before the clock: also a stop, as intended. */
  @ParameterizedTest(name = "[{index}] {1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      while true do end                                                                   | timeout | 
      local function f() return f() end return f()                                        | timeout or execution_error | 
      while true do pcall(function() while true do end end) end                           | timeout | 
      while true do pcall(error, 'x') end                                                 | timeout or execution_error | 
      load('while true do end')()                                                         | timeout | 
      coroutine.wrap(function() while true do end end)()                                  | timeout | 
      local co = coroutine.create(function() while true do end end) while true do coroutine.resume(co) end | timeout | 
      local co = coroutine.wrap(function() while true do pcall(coroutine.yield) end end) while true do co() end | timeout or execution_error | 
      local t = {3,1,2} table.sort(t, function(a, b) while true do end end)                | timeout | 
      local s = string.rep('a', 3000) return s:find(string.rep('a*', 8)..'b')             | timeout | time limit
      local s = string.rep('a', 100000) return s:match('(.-)b')                           | timeout | time limit
      local s = ('a'):rep(400000) return s:find(('a'):rep(200000)..'b', 1, true)          | timeout | time limit
      local t = {} for i = 1, 1e8 do t[i] = i end                                         | timeout or execution_error | 
      local function f() return 1 + f() end return f()                                    | execution_error | max_call_depth
      local ok, e = pcall(function() local function f() return 1 + f() end return f() end) return {message = tostring(ok)} | execution_error | max_call_depth
      local s = 'x' for i = 1, 40 do s = s .. s end                                       | execution_error | '..' would build
      local ok = pcall(function() local s = 'x' for i = 1, 40 do s = s .. s end end) return {} | execution_error | '..' would build
      return {message = ('x'):rep(2^30)}                                                  | execution_error | string.rep would build
      local ok = pcall(string.rep, 'x', 2^31) return {}                                   | execution_error | string.rep would build
      local s = ('x'):rep(1000) return {message = s:gsub('.', ('y'):rep(100000))}         | execution_error | max_memory_bytes
      local s = ('x'):rep(1000) return {message = s:gsub('.', ('%0'):rep(100000))}        | timeout or execution_error | 
      local t = setmetatable({}, {__index = tostring}) return {message = table.concat(t, '', 1, 30000000)} | execution_error | 
      return {message = select('#', unpack({}, 1, 2^31 - 1))}                             | execution_error | too many results
      local s = ('x'):rep(2^21) return {message = select('#', s:byte(1, -1))}             | execution_error | string slice too long
      local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(100) .. i end                       | execution_error | max_memory_bytes
      return {message = ('a'):rep(100000):find(('a?'):rep(5000))}                        | execution_error | pattern too complex
      return #setmetatable({}, {__len = unpack})                                          | execution_error | 
      local t = setmetatable({}, {}) getmetatable(t).__tostring = tostring return {message = pcall(tostring, t)} | execution_error | 
      local mt = {} mt.__index = setmetatable({}, mt) return setmetatable({}, mt).x        | execution_error | 
      for i = 1, 100 do coroutine.create(function() end) end                              | execution_error | coroutines in one run
      return json.encode((function() local t = {} t.self = t return t end)())             | execution_error | 
      return json.decode(string.rep('[', 1000) .. string.rep(']', 1000))                  | execution_error | 
      return {message = os.date(string.rep('%c', 1000000))}                               | execution_error | os.date
      for i = 1, 1e9 do x = string.rep('x', 4e6) end                                    | timeout or execution_error |
      local s = ('x'):rep(4e6) for i = 1, 1e9 do u = s:upper() end                        | timeout or execution_error |
      local t = {} for i = 1, 1e9 do t[i] = string.rep(string.char(i % 256), 4e6) end     | execution_error | max_memory_bytes
      local s = ('x'):rep(4e6) local t = {} for i = 1, 1e9 do t[i] = s .. s end           | execution_error | max_memory_bytes
      local src = 'return 1' .. string.rep(' ', 70000) return {message = select(2, load(src))} | execution_error | chunks longer than
      local t = {} for i = 1, 100000 do t[i] = i end for i = 1, 1e9 do table.insert(t, 1, i) end | timeout or execution_error |
      local t = {} t.self = t return {changes = t}                                        | data_error | cycle
      local t = {} local c = t for i = 1, 100 do c.x = {} c = c.x end return {changes = t} | data_error | nests deeper
      return {changes = {media_item = {f = print}}}                                       | data_error | is a function
      local t = {} for i = 1, 200000 do t[i] = i end return {metadata = {list = t}}       | data_error | more than 100000 values
      """)
  void attackEndsInItsCategoryWithinTheLimits(String script, String category, String because) {
    long timeoutMs = category.contains("timeout") ? TIMEOUT_MS : NOT_THE_CLOCK_MS;
    LuaHarness.Outcome outcome = run(script, timeoutMs);
    // "a or b": attacks that both allocate and spin meet whichever limit comes first; both stop the hook.
    assertTrue(List.of(category.split(" or ")).contains(outcome.category()), () -> outcome.category() + ": "
        + (outcome.failure() == null ? "result " + outcome.result() : outcome.failure().getMessage()));
    assertTrue(outcome.millis() < timeoutMs + 2_000, "stopped promptly: " + outcome.millis() + " ms");
    if (because != null && !because.isBlank()) {
      assertTrue(outcome.failure().getMessage().contains(because.strip()),
          "stopped by its own protection: " + outcome.failure().getMessage());
    }
  }

  @Test
  void repeatingAnEmptyStringAnyNumberOfTimesIsImmediate() {
    LuaHarness.Outcome outcome = run("local s = string.rep('', 2^53) local t = ('x'):rep(0) "
        + "return { message = #s .. #t .. #string.rep('', 1e300, '') }");
    assertEquals("ok", outcome.category());
    assertEquals(Map.of("message", "000"), outcome.result());
    assertTrue(outcome.millis() < 1_000, outcome.millis() + " ms");
  }

  @Test
  void sortingWithALibraryComparatorStillMeetsTheDeadline() {
    LuaHarness.Outcome outcome = run(
        "local t = {} for i = 1, 100000 do t[i] = i end table.sort(t, math.max) return {message = 'sorted'}");
    // Each comparison through a library function allocates, so the memory limit may end it before the clock.
    assertTrue(List.of("ok", "timeout", "execution_error").contains(outcome.category()), outcome.category());
    assertTrue(outcome.millis() < TIMEOUT_MS + 2_000, outcome.millis() + " ms");
  }

  @Test
  void resultsWithLoopingMetatablesAreReadRaw() {
    LuaHarness.Outcome outcome = run("""
        local t = setmetatable({ title = "x" }, {
          __index = function() while true do end end,
          __pairs = function() while true do end end })
        return { changes = t }
        """);
    assertEquals("ok", outcome.category());
    assertEquals(Map.of("changes", Map.of("title", "x")), outcome.result());
  }

  @Test
  void instructionLimitIsATimeoutNamingTheSetting() {
    LuaHarness.Outcome outcome = new LuaHarness(dir, "max_instructions: 100000")
        .run("while true do end", LuaHarness.event(), 10_000);
    assertEquals("timeout", outcome.category());
    assertTrue(outcome.failure().getMessage().contains("hooks.lua.max_instructions"));
  }

  @Test
  void noCoroutineThreadOutlivesItsRun() throws Exception {
    long before = coroutineThreads();
    for (String attack : List.of(
        "for i = 1, 20 do local co = coroutine.create(function() coroutine.yield() end) coroutine.resume(co) end"
            + " return {}",
        "local co = coroutine.wrap(function() while true do coroutine.yield() end end) co() while true do end",
        "local co = coroutine.create(function() while true do end end) coroutine.resume(co)")) {
      run(attack);
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (coroutineThreads() > before && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(before, coroutineThreads(), "coroutine threads left running");
  }

  /**
   * A coroutine whose body is a library function runs no Lua instruction on its thread, so the limiter never met
   * that thread: what it allocated was nobody's. Twelve of them built 180 MB under a 20 MB limit.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      local keep = {} for i = 1, 12 do keep[i] = coroutine.wrap(string.rep)('x', 15e6) end return {message = #keep}
      local s = ('x'):rep(15e6) local keep = {} for i = 1, 12 do keep[i] = coroutine.wrap(string.upper)(s) end return {message = #keep}
      local keep = {} for i = 1, 12 do keep[i] = coroutine.wrap(pcall)(string.rep, 'x', 15e6) end return {message = #keep}
      """)
  void whatACoroutinesLibraryCallsAllocateCountsAgainstTheMemoryLimit(String script) {
    // A clock that cannot come first on a cold JVM (one 15 MB string.upper can take longer than TIMEOUT_MS): the
    // rule under test is the memory count, and without it the script ends ok well inside 10 s.
    LuaHarness.Outcome outcome = new LuaHarness(dir, "max_instructions: 5000000\nmax_memory_bytes: 20000000\n"
        + "max_call_depth: 200").run(script, LuaHarness.event(), 10_000);
    assertEquals("execution_error", outcome.category(), () -> outcome.failure() == null
        ? "result " + outcome.result() : outcome.failure().getMessage());
    assertTrue(outcome.failure().getMessage().contains("max_memory_bytes"), outcome.failure().getMessage());
  }

  /** LuaJ compiles an 'or' chain in time that grows with its square: this 500 KB one took 13 s. */
  @Test
  void aHookThatTakesTooLongToCompileIsALoadErrorWithinTheCompileBudget() {
    String source = "return a" + " or a".repeat(100_000);
    long start = System.nanoTime();
    HookFailure failure = assertThrows(HookFailure.class, () -> new LuaHarness(dir).load(source));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(RunStatus.LOAD_ERROR, failure.category());
    assertTrue(failure.getMessage().contains("to compile"), failure.getMessage());
    assertTrue(millis < LuaExecutor.MAX_COMPILE_MS + 2_000, "stopped at the budget: " + millis + " ms");
  }

  @Test
  void theHostAndOtherHooksAreFineAfterAnAttack() {
    LuaHarness harness = new LuaHarness(dir, "max_instructions: 1000000");
    harness.run("local s = 'x' for i = 1, 40 do s = s .. s end", LuaHarness.event(), TIMEOUT_MS);
    harness.run("while true do end", LuaHarness.event(), TIMEOUT_MS);
    LuaHarness.Outcome anime = harness.run(LuaHookContractTest.ANIME, LuaHarness.event(), TIMEOUT_MS);
    assertEquals("ok", anime.category());
  }

  private static long coroutineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("Coroutine-") && thread.isAlive()).count();
  }
}
