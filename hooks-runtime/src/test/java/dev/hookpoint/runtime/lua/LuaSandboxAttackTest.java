package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Escape hatches: every way out of the sandbox that LuaJ offers is closed. */
class LuaSandboxAttackTest {

  @TempDir Path dir;

  private LuaHarness.Outcome run(String source) {
    return new LuaHarness(dir).run(source);
  }

  private String message(String source) {
    LuaHarness.Outcome outcome = run(source);
    return outcome.result() instanceof Map<?, ?> map ? String.valueOf(map.get("message")) : outcome.category()
        + ": " + outcome.failure().getMessage();
  }

  @ParameterizedTest(name = "{0} is not reachable")
  @ValueSource(strings = {"io", "require", "package", "luajava", "debug", "dofile", "loadfile", "collectgarbage",
      "module", "setfenv", "getfenv", "os.execute", "os.exit", "os.getenv", "os.remove", "os.rename", "os.tmpname",
      "string.dump", "io.open"})
  void dangerousGlobalsAreAbsent(String name) {
    String expression = name.contains(".")
        ? "(" + name.substring(0, name.indexOf('.')) + " or {})." + name.substring(name.indexOf('.') + 1) : name;
    assertEquals("nil", message("return { message = type(" + expression + ") }"));
  }

  @Test
  void safeLibrariesArePresent() {
    assertEquals("function function function function table table", message(
        "return { message = type(os.time) .. ' ' .. type(os.date) .. ' ' .. type(pcall) .. ' ' .. type(load) "
            + ".. ' ' .. type(math) .. ' ' .. type(bit32) }"));
  }

  @Test
  void loadRefusesAnotherEnvironment() {
    String result = message("return { message = select(2, pcall(load, 'return 1', 'x', 't', {})) }");
    assertTrue(result.contains("the env argument is not available in hooks"), result);
  }

  @Test
  void loadRefusesBinaryChunks() {
    assertEquals("load: binary chunks are not allowed in hooks",
        message("local f, err = load('\\27Lua' .. string.rep('x', 40)) return { message = err }"));
    assertTrue(message("return { message = select(2, pcall(load, 'return 1', 'x', 'b')) }")
        .contains("only text chunks"));
  }

  @Test
  void loadedCodeRunsInTheSandboxWithItsLimits() {
    LuaHarness.Outcome outcome = run("load('while true do end')()");
    assertEquals("timeout", outcome.category());
    assertEquals("nil", message("return { message = type(load('return io')()) }"));
  }

  @Test
  void librariesAreReadOnlyEvenThroughRawset() {
    assertTrue(message("string.upper = nil return {}").contains("read-only table 'string'"));
    assertTrue(message("rawset(string, 'upper', nil) return {}").contains("read-only table 'string'"));
    assertTrue(message("table.insert(string, 'x') return {}").contains("read-only"));
    assertTrue(message("math.pi = 3 return {}").contains("read-only table 'math'"));
    assertTrue(message("setmetatable(string, {}) return {}").contains("read-only"));
  }

  @Test
  void theSharedStringMetatableCannotBePoisoned() {
    assertEquals("false", message("return { message = tostring(getmetatable('')) }"));
    assertTrue(message("local mt = getmetatable('') return { message = mt.__index }").startsWith("execution_error"));
    String poisoned = message("debug = nil; local ok = pcall(function() (''):upper(); getmetatable('').x = 1 end) "
        + "return { message = 'after' }");
    assertEquals("after", poisoned);
  }

  @Test
  void metatablePoisoningInOneHookDoesNotReachTheNext() {
    LuaHarness harness = new LuaHarness(dir);
    harness.run("""
        pcall(function() string.upper = function() return 'pwned' end end)
        pcall(function() rawset(string, 'upper', function() return 'pwned' end) end)
        pcall(function() setmetatable(_G, { __index = function() return 'pwned' end }) end)
        pcall(function() getmetatable(_G).__index = { tostring = function() return 'pwned' end } end)
        upper = 'pwned'
        return {}
        """);
    LuaHarness.Outcome next = harness.run(
        "return { message = ('abc'):upper() .. string.upper('d') .. tostring(1) .. type(upper) }");
    assertEquals(Map.of("message", "ABCD1nil"), next.result());
  }

  @Test
  void globalsDoNotLeakBetweenRunsOfTheSameHook() throws Exception {
    LuaHarness harness = new LuaHarness(dir);
    var hook = harness.load("counter = (counter or 0) + 1\nreturn { message = tostring(counter) }");
    for (int i = 0; i < 3; i++) {
      LuaHarness.Outcome outcome = harness.run(hook, LuaHarness.event(), 2_000,
          new dev.hookpoint.runtime.executor.HookLog("x", 10, 100));
      assertEquals(Map.of("message", "1"), outcome.result(), "run " + i);
    }
  }

  @Test
  void theGlobalTableIsTheRunsOwn() {
    assertEquals("true true nil", message("x = 1\nreturn { message = tostring(_G == _ENV or _G.x == 1) .. ' ' "
        + ".. tostring(rawget(_G, 'x') == 1) .. ' ' .. tostring(rawget(_G, 'print')) }"));
    assertTrue(message("setmetatable(_G, {}) return {}").contains("protected metatable"));
  }

  @Test
  void theEventTableCannotReachTheHost() {
    assertEquals("table false nil", message("return { message = type(event) .. ' ' .. tostring(getmetatable(event)) "
        + ".. ' ' .. tostring(rawget(event, 'class')) }"));
  }

  @Test
  void twoExecutorsOnOneThreadNeverShareAnEnvironment() {
    LuaHarness open = new LuaHarness(dir, "http:\n  enabled: true");
    LuaHarness closed = new LuaHarness(dir, "http:\n  enabled: false");
    // A loopback literal: refused before any connection, and no name is looked up.
    String probe = "return { message = tostring(select(2, pcall(http.get, 'http://127.0.0.1:1/'))) }";
    for (int i = 0; i < 3; i++) {
      assertTrue(String.valueOf(closed.run(probe).result()).contains("switched off"), "closed run " + i);
      assertTrue(!String.valueOf(open.run(probe).result()).contains("switched off"), "open run " + i);
    }
  }

  @Test
  void randomNumbersCannotBeSteeredByAnotherHook() {
    LuaHarness harness = new LuaHarness(dir);
    String seeded = String.valueOf(harness.run(
        "math.randomseed(12345) return { message = math.random(1000000) .. ' ' .. math.random(1000000) }")
        .result());
    String again = String.valueOf(harness.run(
        "math.randomseed(12345) return { message = math.random(1000000) .. ' ' .. math.random(1000000) }")
        .result());
    assertEquals(seeded, again, "seeding works within a run");
    String unseeded = String.valueOf(harness.run(
        "return { message = math.random(1000000) .. ' ' .. math.random(1000000) }").result());
    assertTrue(!unseeded.equals(seeded), "the earlier hook's seed did not carry over: " + unseeded);
  }
}
