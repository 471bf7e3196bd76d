package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.RateLimit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Every library function runs inside the run's limits: all functions a hook can reach from its environment, and
 * the functions library functions hand back, are the one wrapper that checks the limits around each call. A
 * function added to a library later without it fails here.
 */
class LuaLibraryFunctionsTest {

  private final HookpointConfig.Hooks config = ConfigLoader.parse("hooks: {}", "test.yaml", Map.of()).hooks();
  private final LuaSandbox sandbox = new LuaSandbox(new HttpHelper(config.lua().http()));

  @Test
  void everyFunctionReachableFromARunsEnvironmentIsLimited() {
    Globals environment = sandbox.acquireEnvironment(limiter());
    environment.rawset("event", LuaExecutor.event(LuaHarness.event()));
    Map<String, LuaValue> functions = new TreeMap<>();
    Walk walk = new Walk(functions);
    walk.visit("string metatable", LuaString.s_metatable);
    walk.visit("_G", environment);

    List<String> unlimited = new ArrayList<>();
    functions.forEach((path, function) -> {
      if (!(function instanceof LimitedFunction)) {
        unlimited.add(path);
      }
    });
    assertEquals(List.of(), unlimited, "library functions outside the limits");
    // The walk must really reach every library, or the check above proves nothing.
    for (String expected : List.of("string metatable.__index.rep", "string metatable.__index.format",
        "string metatable.__index.char", "_G.event.metatable.__index")) {
      assertTrue(functions.containsKey(expected), () -> expected + " not reached; reached " + functions.keySet());
    }
    for (String expected : List.of("print", "tostring", "pairs", "load", "select", "table.find", "table.insert",
        "math.floor", "os.date", "coroutine.wrap", "bit32.band", "json.encode", "log.info", "http.get")) {
      assertTrue(functions.containsKey("_G.metatable.__index." + expected),
          () -> expected + " not reached; reached " + functions.keySet());
    }
  }

  @Test
  void functionsThatLibraryFunctionsReturnAreLimitedToo() {
    Globals environment = sandbox.acquireEnvironment(limiter());
    LuaRun run = new LuaRun("test", environment, limiter(), new HookLog("test", 10, 100), new RateLimit(1));
    run.enter();
    try {
      LuaTable list = new LuaTable();
      Map<String, LuaValue> returned = Map.of(
          "pairs", call(environment, "pairs", list).arg1(),
          "ipairs", call(environment, "ipairs", list).arg1(),
          "string.gmatch", call((LuaTable) environment.get("string"), "gmatch",
              LuaValue.valueOf("a"), LuaValue.valueOf("a")).arg1(),
          "coroutine.wrap", call((LuaTable) environment.get("coroutine"), "wrap",
              environment.get("print")).arg1());
      returned.forEach((name, function) -> assertTrue(function instanceof LimitedFunction,
          name + " returned a function outside the limits: " + function.getClass()));
      assertSame(environment.get("next"), returned.get("pairs"), "pairs(t) hands out next itself, as in Lua");
    } finally {
      run.exit();
    }
  }

  private static Varargs call(LuaTable library, String name, LuaValue... args) {
    return library.get(name).invoke(LuaValue.varargsOf(args));
  }

  private static LuaLimiter limiter() {
    return new LuaLimiter(1_000_000, System.nanoTime() + 10_000_000_000L, 100_000_000, 200);
  }

  /** Every table reachable through values and metatables, each visited once, its functions collected by path. */
  private record Walk(Map<String, LuaValue> functions, Map<LuaValue, Boolean> seen) {
    Walk(Map<String, LuaValue> functions) {
      this(functions, new IdentityHashMap<>());
    }

    void visit(String path, LuaValue value) {
      if (value.isfunction()) {
        functions.put(path, value);
        return;
      }
      if (!value.istable() || seen.put(value, Boolean.TRUE) != null) {
        return;
      }
      LuaTable table = (LuaTable) value;
      for (Varargs next = table.next(LuaValue.NIL); !next.arg1().isnil(); next = table.next(next.arg1())) {
        visit(path + "." + next.arg1().tojstring(), next.arg(2));
      }
      LuaValue metatable = table.getmetatable();
      if (metatable != null) {
        visit(path + ".metatable", metatable);
      }
    }
  }
}
