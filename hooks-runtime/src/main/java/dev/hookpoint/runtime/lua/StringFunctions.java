package dev.hookpoint.runtime.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.LibFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code string} functions whose results a hook sizes with its arguments: each measures its result and
 * refuses, before allocating, one the run could not hold.
 */
final class StringFunctions {

  /** Most values {@code string.byte} returns. */
  static final int MAX_RESULTS = TableFunctions.MAX_RESULTS;

  private StringFunctions() {}

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

  /** Wraps LuaJ's {@code string.format}: refuses, before it runs, a result larger than the run may build. */
  static LibFunction format(LuaValue original) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        LuaRun.current().limiter.checkStringSize(formatSize(args), "string.format");
        return original.invoke(args);
      }
    };
  }

  /**
   * The most bytes LuaJ's {@code string.format} can write for these arguments: the format's own bytes, and for
   * each conversion its argument plus padding. Widths and precisions are at most two digits in Lua; {@code %q}
   * writes a control byte as up to four ({@code \031}).
   */
  static long formatSize(Varargs args) {
    LuaString format = args.checkstring(1);
    int length = format.length();
    long size = 0;
    int arg = 1;
    for (int i = 0; i < length; ) {
      if (format.luaByte(i++) != '%' || i >= length) {
        size++;
        continue;
      }
      if (format.luaByte(i) == '%') {
        i++;
        size++;
        continue;
      }
      while (i < length && "-+ #0123456789.".indexOf(format.luaByte(i)) >= 0) {
        i++;
      }
      int conversion = i < length ? format.luaByte(i++) : 0;
      LuaValue value = args.arg(++arg);
      long text = value.type() == LuaValue.TSTRING ? value.rawlen() : 32;
      size += 200 + (conversion == 'q' ? 4 * text + 2 : text);
    }
    return size;
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

  /** Copies {@code piece} into {@code bytes} at {@code at}; returns where the next piece goes. */
  static int append(LuaString piece, byte[] bytes, int at) {
    piece.copyInto(0, bytes, at, piece.length());
    return at + piece.length();
  }
}
