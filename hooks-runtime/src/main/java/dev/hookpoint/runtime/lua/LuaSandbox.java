package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.executor.HookLog;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.OsLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * The environment every Lua hook runs in, built once and shared read-only by all runs.
 *
 * <p>A run's globals are a fresh, empty {@link Globals} whose metatable reads through to the shared library
 * table: writes land in the run's own table, so nothing leaks between hooks or runs, and the run costs one small
 * table instead of a full set of libraries. Its {@code debuglib} is the run's {@link LuaLimiter}, which LuaJ calls
 * for every closure created in the run. The libraries, their tables, the environment's metatable and the
 * JVM-wide string metatable are all read-only, so no hook can poison what another sees.
 *
 * <p>Available: the safe base functions, {@code string} (no {@code dump}), {@code table}, {@code math},
 * {@code os.time/clock/date}, {@code coroutine}, {@code bit32}, text-only {@code load}, {@code print} into the
 * hook's log, and the helpers {@code json}, {@code log} and {@code http}. Absent: {@code io}, the rest of
 * {@code os}, {@code require}, {@code package}, {@code luajava}, {@code debug}, {@code dofile},
 * {@code loadfile}, {@code collectgarbage}.
 */
final class LuaSandbox {

  private static final String[] BASE = {"assert", "error", "next", "pcall", "rawequal", "rawget", "rawset",
      "rawlen", "select", "setmetatable", "getmetatable", "tonumber", "tostring", "type", "_VERSION"};
  private static final String[] STRING = {"char", "len", "lower", "reverse", "sub", "upper"};
  private static final String[] TABLE = {"pack"};

  private final ReadOnlyTable environmentMetatable;
  private final ReadOnlyTable stringMetatable;

  LuaSandbox(HttpHelper http) {
    // The template only lends its library functions; it needs PackageLib because the libraries register in
    // package.loaded, but neither package nor require is copied into the sandbox.
    Globals template = new Globals();
    template.load(new BaseLib());
    template.load(new PackageLib());
    template.load(new Bit32Lib());
    template.load(new TableLib());
    template.load(new StringLib());
    template.load(new JseMathLib());
    template.load(new OsLib());

    ReadOnlyTable string = string((LuaTable) template.get("string"));
    ReadOnlyTable library = pick("_G", template, BASE);
    LuaValue load = LimitedFunction.of(SafeFunctions.load());
    LuaValue unpack = LimitedFunction.of(TableFunctions.unpack());
    library.with("pairs", SafeFunctions.pairs(library.get("next")))
        .with("ipairs", SafeFunctions.ipairs())
        .with("print", SafeFunctions.print())
        .with("load", load)
        .with("loadstring", load)
        .with("xpcall", SafeFunctions.xpcall())
        .with("unpack", unpack)
        .with("string", string)
        .with("table", table((LuaTable) template.get("table"), unpack))
        .with("math", math((LuaTable) template.get("math")))
        .with("bit32", copy("bit32", (LuaTable) template.get("bit32")).seal())
        .with("os", os((LuaTable) template.get("os")))
        .with("coroutine", SafeFunctions.coroutines())
        .with("json", copy("json", JsonHelper.table()).seal())
        .with("log", log())
        .with("http", http.table())
        .seal();
    this.environmentMetatable = new ReadOnlyTable("metatable of _G")
        .with(LuaValue.INDEX, library)
        .with(LuaValue.METATABLE, LuaValue.FALSE)
        .seal();
    this.stringMetatable = new ReadOnlyTable("string metatable")
        .with(LuaValue.INDEX, string)
        .with(LuaValue.METATABLE, LuaValue.FALSE)
        .seal();
    installStringMetatable();
  }

  /**
   * Makes the sandbox's string table the one {@code ("x"):rep(n)} reaches. LuaJ keeps it in one static field
   * for the whole JVM; the executor checks it before every run, in case other LuaJ code in the host replaced it.
   */
  void installStringMetatable() {
    if (LuaString.s_metatable != stringMetatable) {
      LuaString.s_metatable = stringMetatable;
    }
  }

  /**
   * A run's globals: empty, reading through to the libraries, limited by {@code limiter}. Each thread reuses one
   * environment, emptied by {@link #release} after every run, because building a {@link Globals} (a table, a
   * LuaThread and a weak reference) is a large part of a short hook's cost. A thread already inside a run (never
   * the case today, but cheap to guard) gets a fresh one.
   */
  Globals acquireEnvironment(LuaLimiter limiter) {
    Globals environment = spare.get();
    if (environment == null) {
      environment = new Globals();
      environment.STDOUT = null;
      environment.STDERR = null;
      environment.setmetatable(environmentMetatable);
    } else {
      spare.remove();
    }
    environment.debuglib = limiter;
    environment.rawset("_G", environment);
    return environment;
  }

  /** Empties a run's globals, so nothing a hook set survives, and keeps them for the thread's next run. */
  void release(Globals environment) {
    environment.debuglib = null;
    java.util.List<LuaValue> keys = new java.util.ArrayList<>();
    for (Varargs next = environment.next(LuaValue.NIL); !next.arg1().isnil(); next = environment.next(next.arg1())) {
      keys.add(next.arg1());
    }
    for (LuaValue key : keys) {
      environment.rawset(key, LuaValue.NIL);
    }
    if (environment.running.isMainThread() && environment.running.errorfunc == null) {
      spare.set(environment);
    }
  }

  /** One spare environment per thread, per sandbox: an environment reads this sandbox's libraries only. */
  private final ThreadLocal<Globals> spare = new ThreadLocal<>();

  private static ReadOnlyTable string(LuaTable original) {
    ReadOnlyTable string = pick("string", original, STRING);
    return string
        .with("rep", StringFunctions.rep())
        .with("format", StringFunctions.format(original.get("format")))
        .with("byte", StringFunctions.byteFunction(original.get("byte")))
        .with("find", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return patterns().find(args.checkstring(1), args.checkstring(2), args.optint(3, 1),
                args.arg(4).toboolean());
          }
        })
        .with("match", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return patterns().match(args.checkstring(1), args.checkstring(2), args.optint(3, 1));
          }
        })
        .with("gmatch", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return LimitedFunction.of(patterns().gmatch(args.checkstring(1), args.checkstring(2)));
          }
        })
        .with("gsub", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            LuaString subject = args.checkstring(1);
            return patterns().gsub(subject, args.checkstring(2), args.arg(3),
                args.optint(4, subject.length() + 1));
          }
        })
        .seal();
  }

  private static LuaPatterns patterns() {
    LuaRun run = LuaRun.current();
    return new LuaPatterns(run.limiter::check, run.limiter.maxStringBytes());
  }

  private static ReadOnlyTable table(LuaTable original, LuaValue unpack) {
    return pick("table", original, TABLE)
        .with("insert", TableFunctions.insert())
        .with("remove", TableFunctions.remove())
        .with("concat", TableFunctions.concat())
        .with("sort", TableFunctions.sort())
        .with("unpack", unpack)
        .with("length", TableFunctions.length())
        .with("find", TableFunctions.find())
        .seal();
  }

  private static ReadOnlyTable log() {
    return new ReadOnlyTable("log")
        .with("info", logAt(HookLog.Level.INFO))
        .with("warn", logAt(HookLog.Level.WARN))
        .with("error", logAt(HookLog.Level.ERROR))
        .seal();
  }

  /** A {@code log} function writing its message at one level of the run's log, cut to the line length. */
  private static OneArgFunction logAt(HookLog.Level level) {
    return new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue message) {
        LogLine.write(level, message);
        return NIL;
      }
    };
  }

  /** {@code os.time}, {@code os.clock}, and {@code os.date} with a bounded format (it is one library call). */
  private static ReadOnlyTable os(LuaTable original) {
    LuaValue date = original.get("date");
    return pick("os", original, new String[] {"time", "clock"})
        .with("date", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            if (args.isstring(1) && args.arg1().rawlen() > 1000) {
              throw new org.luaj.vm2.LuaError("os.date: formats longer than 1000 characters are not allowed");
            }
            return date.invoke(args);
          }
        })
        .seal();
  }

  /** LuaJ's math, plus Lua 5.3's {@code math.tointeger} and {@code math.type} that newer hooks use. */
  private static ReadOnlyTable math(LuaTable original) {
    return copy("math", original)
        .with("random", SafeFunctions.random())
        .with("randomseed", SafeFunctions.randomSeed())
        .with("tointeger", new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue value) {
            if (!value.isnumber()) {
              return NIL;
            }
            double number = value.todouble();
            return number == Math.rint(number) && Math.abs(number) < 9.007199254740992E15
                ? LuaValue.valueOf(number) : NIL;
          }
        })
        .with("type", new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue value) {
            if (value.type() != LuaValue.TNUMBER) {
              return NIL;
            }
            return valueOf(value.isinttype() || value.todouble() == Math.rint(value.todouble())
                ? "integer" : "float");
          }
        })
        .seal();
  }

  /** The named entries of a library, unsealed (its functions limited, as every function of a library table). */
  private static ReadOnlyTable pick(String name, LuaTable original, String[] keys) {
    ReadOnlyTable copy = new ReadOnlyTable(name);
    for (String key : keys) {
      LuaValue value = original.get(key);
      if (!value.isnil()) {
        copy.with(key, value);
      }
    }
    return copy;
  }

  /** Every entry of a library, unsealed. */
  private static ReadOnlyTable copy(String name, LuaTable original) {
    ReadOnlyTable copy = new ReadOnlyTable(name);
    for (Varargs next = original.next(LuaValue.NIL); !next.arg1().isnil(); next = original.next(next.arg1())) {
      copy.with(next.arg1(), next.arg(2));
    }
    return copy;
  }
}
