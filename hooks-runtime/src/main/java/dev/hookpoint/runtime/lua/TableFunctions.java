package dev.hookpoint.runtime.lua;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.LibFunction;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code table} functions that loop in Java, rewritten so that no loop can outlast the run: each polls the
 * run's limits every {@value #POLL} steps and counts with longs (a length of 2^31-1 from {@code __len} must not
 * wrap an int counter round forever). Results are sized before they are built. Semantics are LuaJ's, which reads
 * values with {@code __index} and lengths with {@code __len}, except for our own {@code table.find} and
 * {@code table.length}, which read the table raw, like results do.
 */
final class TableFunctions {

  /** Most values {@code unpack} returns. */
  static final int MAX_RESULTS = 1_000_000;
  private static final int POLL = 1024;

  private TableFunctions() {}

  /** Counts the steps of one loop and checks the run's limits every {@value #POLL} of them. */
  private static final class Steps {
    private final LuaLimiter limiter = LuaRun.current().limiter;
    private long count;

    void step() {
      if (++count % POLL == 0) {
        limiter.check();
      }
    }
  }

  /** {@code table.insert(t, [pos,] value)}: shifts the values from {@code pos} up to the first nil. */
  static LibFunction insert() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable table = args.checktable(1);
        long position;
        LuaValue value;
        switch (args.narg()) {
          case 0, 1 -> throw new LuaError("wrong number of arguments to 'insert'");
          case 2 -> {
            position = (long) table.length() + 1;
            value = args.arg(2);
          }
          default -> {
            position = args.checkint(2);
            value = args.arg(3);
          }
        }
        Steps steps = new Steps();
        while (!value.isnil()) {
          int at = index(position++, "insert");
          LuaValue moved = table.rawget(at);
          table.rawset(at, value);
          value = moved;
          steps.step();
        }
        return NONE;
      }
    };
  }

  /** {@code table.remove(t [, pos])}: removes {@code t[pos]} (the last value by default), shifting the rest down. */
  static LibFunction remove() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable table = args.checktable(1);
        int length = table.rawlen();
        long position = args.optint(2, 0);
        if (position == 0) {
          position = length;
        } else if (position > length) {
          return NONE;
        }
        LuaValue removed = table.rawget(index(position, "remove"));
        Steps steps = new Steps();
        for (LuaValue next = removed; !next.isnil(); position++) {
          next = position + 1 > Integer.MAX_VALUE ? NIL : table.rawget((int) position + 1);
          table.rawset((int) position, next);
          steps.step();
        }
        return removed.isnil() ? NONE : removed;
      }
    };
  }

  /** {@code unpack(t [, i [, j]])} and {@code table.unpack}: refuses ranges too large to return. */
  static LibFunction unpack() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable table = args.checktable(1);
        long first = args.optint(2, 1);
        long last = args.isnil(3) ? table.length() : args.checkint(3);
        long count = last - first + 1;
        if (count <= 0) {
          return NONE;
        }
        if (count > MAX_RESULTS) {
          throw new LuaError("too many results to unpack");
        }
        LuaValue[] values = new LuaValue[(int) count];
        Steps steps = new Steps();
        for (int i = 0; i < count; i++) {
          // Each get may walk up to 100 __index tables in Java.
          values[i] = table.get((int) (first + i));
          steps.step();
        }
        return varargsOf(values);
      }
    };
  }

  /**
   * {@code table.concat(t [, sep [, i [, j]]])}: reads each value once, measuring the result as it goes, then
   * builds it; an {@code __index} that answers differently when asked again cannot change it in between.
   */
  static LibFunction concat() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable table = args.checktable(1);
        LuaString separator = args.optstring(2, LuaString.valueOf(""));
        long first = args.optint(3, 1);
        long last = args.isnil(4) ? table.length() : args.checkint(4);
        LuaLimiter limiter = LuaRun.current().limiter;
        List<LuaString> pieces = new ArrayList<>();
        long size = 0;
        for (long i = first; i <= last; i++) {
          LuaValue value = table.get((int) i);
          if (!value.isstring()) {
            throw new LuaError("invalid value (at index " + i + ") in table for 'concat'");
          }
          LuaString piece = value.checkstring();
          pieces.add(piece);
          size += piece.length() + (i > first ? separator.length() : 0);
          if (pieces.size() % POLL == 0) {
            limiter.check();
            limiter.checkStringSize(size, "table.concat");
          }
        }
        limiter.checkStringSize(size, "table.concat");
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (int i = 0; i < pieces.size(); i++) {
          if (i > 0) {
            at = StringFunctions.append(separator, bytes, at);
          }
          at = StringFunctions.append(pieces.get(i), bytes, at);
        }
        return LuaString.valueUsing(bytes);
      }
    };
  }

  /**
   * {@code table.sort(t [, comp])}: LuaJ's sort, with every comparison counted so that a long sort with a
   * library function as comparator (which runs no Lua instruction) still meets the deadline. Comparing two long
   * strings walks their bytes, so each kilobyte compared counts as a step too.
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
        table.sort(new TwoArgFunction() {
          private long work;

          @Override
          public LuaValue call(LuaValue a, LuaValue b) {
            long before = work;
            work += 1 + (a.type() == TSTRING && b.type() == TSTRING
                ? Math.min(a.rawlen(), b.rawlen()) / POLL : 0);
            if (work / POLL != before / POLL) {
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
        Steps steps = new Steps();
        long count = 0;
        for (Varargs next = table.next(NIL); !next.arg1().isnil(); next = table.next(next.arg1())) {
          count++;
          steps.step();
        }
        return valueOf((int) count);
      }
    };
  }

  /**
   * {@code table.find(t, predicate)}: the first element of the list for which the predicate is truthy, and its
   * index. The list is read raw, up to its raw length: a {@code __len} that claims 2^31-1 elements of an empty
   * table, with a library function as predicate, would otherwise be a loop of billions of Java steps.
   */
  static LibFunction find() {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaTable table = args.checktable(1);
        LuaValue predicate = args.checkfunction(2);
        int length = table.rawlen();
        Steps steps = new Steps();
        for (long i = 1; i <= length; i++) {
          LuaValue value = table.rawget((int) i);
          if (predicate.call(value).toboolean()) {
            return varargsOf(value, valueOf((int) i));
          }
          steps.step();
        }
        return NIL;
      }
    };
  }

  /** A position as LuaJ's tables index them; past 2^31-1 there is no slot to write. */
  private static int index(long position, String function) {
    if (position > Integer.MAX_VALUE || position < Integer.MIN_VALUE) {
      throw new LuaError("position out of bounds in '" + function + "'");
    }
    return (int) position;
  }
}
