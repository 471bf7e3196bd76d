package dev.hookpoint.runtime.lua;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A library function that runs inside the run's limits: it checks the clock and the memory the run has allocated
 * before and after each call. Library functions run no Lua instruction, so the instruction count never sees
 * them; between two of its periodic checks a loop may call hundreds of them, each of which can take milliseconds
 * or allocate megabytes on large strings or tables, so each call checks for itself. The check after the call
 * also runs when the call fails, so what a failing call allocated is charged too.
 *
 * <p>This is the one wrapper: {@link ReadOnlyTable} wraps every function it is given, so no function can reach a
 * hook through a library table without it. Library functions that return a function (the iterators of
 * {@code pairs}, {@code ipairs} and {@code gmatch}, {@code coroutine.wrap}) wrap that one with {@link #of}.
 */
final class LimitedFunction extends VarArgFunction {

  private final LuaValue function;

  private LimitedFunction(LuaValue function) {
    this.function = function;
  }

  /** {@code value} inside the limits if it is a function; other values, and wrapped functions, as they are. */
  static LuaValue of(LuaValue value) {
    return value instanceof LimitedFunction || !value.isfunction() ? value : new LimitedFunction(value);
  }

  @Override
  public Varargs invoke(Varargs args) {
    LuaLimiter limiter = LuaRun.current().limiter;
    limiter.check();
    try {
      return function.invoke(args);
    } finally {
      limiter.check();
    }
  }

  /** The wrapped function's name, so {@code tostring(print)} reads as before. */
  @Override
  public String tojstring() {
    return function.tojstring();
  }
}
