package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.executor.HookLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.LibFunction;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The sandbox's own versions of base functions whose LuaJ originals are unsafe or tied to one {@code Globals}:
 * {@code load} (text only, always the hook's environment), {@code print} (into the hook's log), {@code xpcall},
 * {@code pairs} and {@code ipairs} (limited iterators), {@code math.random} (per run) and the {@code coroutine}
 * library (bounded, bound to the run). The string and table functions are in {@link StringFunctions} and
 * {@link TableFunctions}.
 */
final class SafeFunctions {

  /**
   * Longest chunk {@code load} compiles at run time. Compiling is one uninterruptible call (and quadratic on some
   * inputs), so the cap keeps each call short; hook files themselves may be longer.
   */
  static final int MAX_CHUNK = 64 * 1024;

  private SafeFunctions() {}

  /** {@code print(...)}: the values, tab-separated, as one INFO line of the hook's log, cut to its length. */
  static LibFunction print() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LogLine.write(HookLog.Level.INFO, args);
        return NONE;
      }
    };
  }

  /** {@code load(chunk [, chunkname [, mode [, env]]])}: text chunks only, in the hook's own environment. */
  static LibFunction load() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        if (!args.arg(4).isnil()) {
          throw new LuaError("load: the env argument is not available in hooks; loaded code runs in the hook's "
              + "own environment");
        }
        if (args.arg(3).isstring() && args.arg(3).tojstring().indexOf('t') < 0) {
          throw new LuaError("load: only text chunks can be loaded in hooks");
        }
        byte[] source = chunk(args.arg1());
        if (source.length > 0 && source[0] == 0x1b) {
          return varargsOf(NIL, valueOf("load: binary chunks are not allowed in hooks"));
        }
        String name = args.arg(2).isstring() ? args.arg(2).tojstring() : "=(load)";
        try {
          Prototype prototype = LuaC.instance.compile(new ByteArrayInputStream(source), name);
          return new LuaClosure(prototype, LuaRun.current().globals);
        } catch (LuaError e) {
          return varargsOf(NIL, valueOf(SyntaxMessages.readable(String.valueOf(e.getMessage()))));
        } catch (IOException e) {
          return varargsOf(NIL, valueOf(String.valueOf(e.getMessage())));
        }
      }

      private byte[] chunk(LuaValue chunk) {
        if (chunk.isstring()) {
          LuaString text = chunk.checkstring();
          checkChunkSize(text.length());
          return LuaValues.bytes(text);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (LuaValue piece = chunk.checkfunction().call(); piece.isstring() && piece.length() > 0;
            piece = chunk.call()) {
          LuaString text = piece.checkstring();
          checkChunkSize(out.size() + text.length());
          out.writeBytes(LuaValues.bytes(text));
        }
        return out.toByteArray();
      }

      private void checkChunkSize(long size) {
        if (size > MAX_CHUNK) {
          throw new LuaError("load: chunks longer than " + MAX_CHUNK + " bytes are not allowed in hooks");
        }
      }
    };
  }

  /**
   * {@code xpcall(f, handler, ...)}: like {@code pcall}, then the handler gets the error. Errors that stop the
   * hook (limits) are not errors the hook can handle, so they pass through.
   */
  static LibFunction xpcall() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaValue function = args.checkvalue(1);
        LuaValue handler = args.checkvalue(2);
        try {
          return varargsOf(TRUE, function.invoke(args.subargs(3)));
        } catch (LuaError e) {
          LuaValue message = e.getMessageObject();
          return varargsOf(FALSE, handler.call(message != null ? message : NIL));
        }
      }
    };
  }

  /**
   * {@code pairs(t)}: LuaJ's, handing out the sandbox's limited {@code next} as the iterator, so that each step
   * of a generic {@code for} checks the run's limits like any library call (one {@code next} may step over a long
   * run of empty slots), and {@code pairs(t) == next} still holds.
   */
  static LibFunction pairs(LuaValue next) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return varargsOf(next, args.checktable(1), NIL);
      }
    };
  }

  /** {@code ipairs(t)}: its iterator, like {@code pairs}', is a limited library function. */
  static LibFunction ipairs() {
    LuaValue iterator = LimitedFunction.of(new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return args.checktable(1).inext(args.arg(2));
      }
    });
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return varargsOf(iterator, args.checktable(1), ZERO);
      }
    };
  }

  /** {@code math.random} and {@code math.randomseed} with the generator of the run, not one shared by all. */
  static LibFunction random() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        java.util.Random random = LuaRun.current().random();
        switch (args.narg()) {
          case 0:
            return valueOf(random.nextDouble());
          case 1: {
            int high = args.checkint(1);
            argcheck(1 <= high, 1, "interval is empty");
            return valueOf(1 + random.nextInt(high));
          }
          default: {
            int low = args.checkint(1);
            int high = args.checkint(2);
            argcheck(low <= high, 2, "interval is empty");
            return valueOf(low + random.nextInt(high - low + 1));
          }
        }
      }
    };
  }

  /** {@code math.randomseed(x)}: seeds the run's generator. */
  static LibFunction randomSeed() {
    return new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue seed) {
        LuaRun.current().seed(seed.checklong());
        return NONE.arg1();
      }
    };
  }

  /** A coroutine of the current run, counted against its limit. */
  private static LuaThread newCoroutine(LuaValue function) {
    LuaRun run = LuaRun.current();
    LuaThread thread = new LuaThread(run.globals, function.checkfunction());
    run.addCoroutine(thread);
    return thread;
  }

  /** The {@code coroutine} library, bound to the run and bounded in count. */
  static ReadOnlyTable coroutines() {
    return new ReadOnlyTable("coroutine")
        .with("create", new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue function) {
            return newCoroutine(function);
          }
        })
        .with("resume", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return args.checkthread(1).resume(args.subargs(2));
          }
        })
        .with("yield", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return LuaRun.current().globals.yield(args);
          }
        })
        .with("status", new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue thread) {
            return valueOf(thread.checkthread().getStatus());
          }
        })
        .with("running", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            LuaThread running = LuaRun.current().globals.running;
            return varargsOf(running, valueOf(running.isMainThread()));
          }
        })
        .with("wrap", new OneArgFunction() {
          @Override
          public LuaValue call(LuaValue function) {
            LuaThread thread = newCoroutine(function);
            return LimitedFunction.of(new VarArgFunction() {
              @Override
              public Varargs invoke(Varargs args) {
                Varargs result = thread.resume(args);
                if (result.arg1().toboolean()) {
                  return result.subargs(2);
                }
                throw new LuaError(result.arg(2));
              }
            });
          }
        })
        .seal();
  }
}
