package dev.hookpoint.runtime.lua;

import java.io.InputStream;

/**
 * A hook's source as LuaC reads it, with a time budget. LuaJ's compiler is quadratic on some inputs (each
 * {@code or} of {@code a or a or ...}, each {@code elseif}, walks the jump list built so far), so a 500 KB hook of
 * them took 13 s to compile, inside the reload that loads it and every {@code hooks check}, and a directory of
 * them minutes. The compiler
 * reads its source a byte at a time as it goes, so checking the clock every few hundred bytes stops it soon after
 * the budget is spent.
 */
final class TimedSource extends InputStream {

  /** The compile took longer than its budget. */
  static final class TooSlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooSlow() {
      super(null, null, false, false);
    }
  }

  private final byte[] bytes;
  private final long deadlineNanos;
  private int at;

  TimedSource(byte[] bytes, long budgetMillis) {
    this.bytes = bytes;
    this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000;
  }

  @Override
  public int read() {
    if ((at & 0xff) == 0 && System.nanoTime() - deadlineNanos > 0) {
      throw new TooSlow();
    }
    return at < bytes.length ? bytes[at++] & 0xff : -1;
  }
}
