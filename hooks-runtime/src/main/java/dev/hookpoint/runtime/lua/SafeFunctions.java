package dev.hookpoint.runtime.lua;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.LibFunction;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The sandbox's own versions of functions whose LuaJ originals are unsafe or tied to one {@code Globals}:
 * {@code load} (text only, always the hook's environment), {@code print} (into the hook's log), {@code xpcall},
 * {@code unpack}, the {@code coroutine} library (bounded, bound to the run), and the size-checked string and
 * table functions.
 */
final class SafeFunctions {

  /**
   * Longest chunk {@code load} compiles at run time. Compiling is one uninterruptible call (and quadratic on some
   * inputs), so the cap keeps each call short; hook files themselves may be longer.
   */
  static final int MAX_CHUNK = 64 * 1024;
  /** Most values {@code unpack} and {@code string.byte} return. */
  static final int MAX_RESULTS = 1_000_000;

  private SafeFunctions() {}

  /** {@code print(...)}: the values, tab-separated, as one INFO line of the hook's log. */
  static LibFunction print() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= args.narg(); i++) {
          line.append(i > 1 ? "\t" : "").append(args.arg(i).tojstring());
        }
        LuaRun.current().log.info(line.toString());
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
          return varargsOf(NIL, valueOf(e.getMessage()));
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

  /** {@code unpack(t [, i [, j]])} and {@code table.unpack}: refuses ranges too large to return. */
  static LibFunction unpack() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable table = args.checktable(1);
        int first = args.optint(2, 1);
        int last = args.isnil(3) ? table.length() : args.checkint(3);
        long count = (long) last - first + 1;
        if (count <= 0) {
          return NONE;
        }
        if (count > MAX_RESULTS) {
          throw new LuaError("too many results to unpack");
        }
        LuaValue[] values = new LuaValue[(int) count];
        for (int i = 0; i < count; i++) {
          values[i] = table.get(first + i);
        }
        return varargsOf(values);
      }
    };
  }

  /** {@code string.rep(s, n [, sep])}: refuses a result the run could not allocate, before allocating. */
  static LibFunction rep() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaString text = args.checkstring(1);
        double count = args.checkdouble(2);
        LuaString separator = args.optstring(3, LuaString.valueOf(""));
        if (!(count >= 1) || (text.length() == 0 && separator.length() == 0)) {
          return LuaString.valueOf("");
        }
        LuaLimiter limiter = LuaRun.current().limiter;
        double estimate = count * ((double) text.length() + separator.length());
        if (estimate > Integer.MAX_VALUE) {
          limiter.checkStringSize((long) Math.min(estimate, Long.MAX_VALUE), "string.rep");
        }
        long n = (long) count;
        long size = n * text.length() + (n - 1) * separator.length();
        limiter.checkStringSize(size, "string.rep");
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (long i = 0; i < n; i++) {
          if ((i & 0xffff) == 0xffff) {
            limiter.check();
          }
          if (i > 0) {
            at = append(separator, bytes, at);
          }
          at = append(text, bytes, at);
        }
        return LuaString.valueUsing(bytes);
      }
    };
  }

  /** Wraps {@code string.format}: refuses when its arguments alone are too large for the run. */
  static LibFunction format(LuaValue original) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        long size = args.checkstring(1).length();
        for (int i = 2; i <= args.narg(); i++) {
          size += args.arg(i).type() == LuaValue.TSTRING ? args.arg(i).rawlen() : 32;
        }
        // Widths and precisions are at most two digits each in Lua, so the output is bounded by this.
        size += 100L * args.narg();
        LuaRun.current().limiter.checkStringSize(size, "string.format");
        return original.invoke(args);
      }
    };
  }

  /** Wraps {@code string.byte}: refuses to return more than {@link #MAX_RESULTS} values. */
  static LibFunction byteFunction(LuaValue original) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        int length = args.checkstring(1).length();
        int first = position(args.optint(2, 1), length);
        int last = position(args.optint(3, first), length);
        if ((long) last - first + 1 > MAX_RESULTS) {
          throw new LuaError("string slice too long");
        }
        return original.invoke(args);
      }

      private int position(int index, int length) {
        return index >= 0 ? index : length + index + 1;
      }
    };
  }

  /** {@code table.concat(t [, sep [, i [, j]]])}: measures the result before building it. */
  static LibFunction concat() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable table = args.checktable(1);
        LuaString separator = args.optstring(2, LuaString.valueOf(""));
        int first = args.optint(3, 1);
        int last = args.isnil(4) ? table.length() : args.checkint(4);
        LuaRun run = LuaRun.current();
        long size = 0;
        for (long i = first; i <= last; i++) {
          LuaValue value = table.get((int) i);
          if (!value.isstring()) {
            throw new LuaError("invalid value (at index " + i + ") in table for 'concat'");
          }
          size += value.checkstring().length() + (i > first ? separator.length() : 0);
          if ((i & 1023) == 0) {
            run.limiter.check();
            run.limiter.checkStringSize(size, "table.concat");
          }
        }
        run.limiter.checkStringSize(size, "table.concat");
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (long i = first; i <= last; i++) {
          if (i > first) {
            at = append(separator, bytes, at);
          }
          at = append(table.get((int) i).checkstring(), bytes, at);
        }
        return LuaString.valueUsing(bytes);
      }
    };
  }

  /** Copies {@code piece} into {@code bytes} at {@code at}; returns where the next piece goes. */
  private static int append(LuaString piece, byte[] bytes, int at) {
    piece.copyInto(0, bytes, at, piece.length());
    return at + piece.length();
  }

  /**
   * {@code table.sort(t [, comp])}: LuaJ's sort, with every comparison counted so that a long sort with a
   * library function as comparator (which runs no Lua instruction) still meets the deadline.
   */
  static LibFunction sort() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable table = args.checktable(1);
        LuaValue comparator = args.arg(2);
        if (!comparator.isnil()) {
          comparator.checkfunction();
        }
        LuaLimiter limiter = LuaRun.current().limiter;
        table.sort(new org.luaj.vm2.lib.TwoArgFunction() {
          private int comparisons;

          @Override
          public LuaValue call(LuaValue a, LuaValue b) {
            if ((++comparisons & 1023) == 0) {
              limiter.check();
            }
            return comparator.isnil() ? valueOf(a.lt_b(b)) : comparator.call(a, b);
          }
        });
        return NONE;
      }
    };
  }

  /** {@code table.length(t)}: how many entries the table holds, array and hash part alike. */
  static LibFunction length() {
    return new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue value) {
        LuaTable table = value.checktable();
        int count = 0;
        for (Varargs next = table.next(NIL); !next.arg1().isnil(); next = table.next(next.arg1())) {
          count++;
        }
        return valueOf(count);
      }
    };
  }

  /** {@code table.find(t, predicate)}: the first element of the list for which the predicate is truthy. */
  static LibFunction find() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable table = args.checktable(1);
        LuaValue predicate = args.checkfunction(2);
        int length = table.length();
        for (int i = 1; i <= length; i++) {
          LuaValue value = table.get(i);
          if (predicate.call(value).toboolean()) {
            return varargsOf(value, valueOf(i));
          }
        }
        return NIL;
      }
    };
  }

  /**
   * A library function that checks the run's clock and memory before and after it runs: between two instruction
   * checks a loop may call hundreds of library functions, each of which can take milliseconds on large strings or
   * tables, so each call checks for itself.
   */
  static LibFunction checked(LuaValue function) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaLimiter limiter = LuaRun.current().limiter;
        limiter.check();
        Varargs result = function.invoke(args);
        limiter.check();
        return result;
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
            return new VarArgFunction() {
              @Override
              public Varargs invoke(Varargs args) {
                Varargs result = thread.resume(args);
                if (result.arg1().toboolean()) {
                  return result.subargs(2);
                }
                throw new LuaError(result.arg(2));
              }
            };
          }
        })
        .seal();
  }
}
