package dev.hookpoint.runtime.lua;

import java.lang.management.ManagementFactory;
import java.util.IdentityHashMap;
import java.util.Map;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * The limits of one run, enforced from inside the Lua VM. LuaJ calls a closure's {@code globals.debuglib} before
 * every instruction and around every call, on whatever thread runs it (coroutines included), so this sees every
 * Lua instruction of the run. It counts instructions, checks the clock and the bytes the run's threads allocated
 * every 1024 instructions, bounds the call depth, and checks the size of every {@code ..} before it allocates;
 * instructions that compare or look up strings over 64 KB check the clock and memory at once.
 *
 * <p>Once tripped it stays tripped: every later instruction throws again, so a hook that survives one stop
 * (in a coroutine, say) is stopped at its next instruction. It keeps none of DebugLib's call-stack bookkeeping,
 * which is what makes it cheap.
 */
final class LuaLimiter extends DebugLib {

  private static final int CHECK_MASK = 1023;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final long maxInstructions;
  private final long deadlineNanos;
  private final long maxMemoryBytes;
  private final int maxDepth;
  private final long maxStringBytes;
  private final Thread owner;
  private final long ownerBaseline;
  private final Frames ownerFrames = new Frames();
  // Only runs that use coroutines have other threads; most runs never allocate these.
  private Map<Thread, Frames> otherFrames;
  /** Per coroutine thread: what it had allocated when first seen, and when last seen (a dead thread reads -1). */
  private Map<Thread, long[]> baselines;
  private long instructions;
  private int depth;
  private volatile LuaLimitError tripped;

  LuaLimiter(long maxInstructions, long deadlineNanos, long maxMemoryBytes, int maxDepth) {
    this.maxInstructions = maxInstructions;
    this.deadlineNanos = deadlineNanos;
    this.maxMemoryBytes = maxMemoryBytes;
    this.maxDepth = maxDepth;
    this.maxStringBytes = maxMemoryBytes;
    this.owner = Thread.currentThread();
    this.ownerBaseline = THREADS.getCurrentThreadAllocatedBytes();
  }

  @Override
  public void onCall(LuaFunction function) {
    enter();
    frames().push(null, null);
  }

  @Override
  public void onCall(LuaClosure closure, Varargs varargs, LuaValue[] stack) {
    enter();
    frames().push(closure, stack);
  }

  @Override
  public void onReturn() {
    depth--;
    frames().pop();
  }

  @Override
  public void onInstruction(int pc, Varargs varargs, int top) {
    LuaLimitError stop = tripped;
    if (stop != null) {
      throw stop;
    }
    // Plain fields: only one Lua thread of a run runs at a time, and LuaJ hands control between a run's
    // threads through monitors, which publish these writes.
    long count = ++instructions;
    if (count > maxInstructions) {
      throw trip(new LuaLimitError("instructions", "stopped after " + maxInstructions
          + " instructions (hooks.lua.max_instructions); is there an endless loop?"));
    }
    if ((count & CHECK_MASK) == 0) {
      check();
    }
    Frames frames = frames();
    LuaClosure closure = frames.closure();
    if (closure != null && pc < closure.p.code.length) {
      int instruction = closure.p.code[pc];
      int b = instruction >>> 23;
      int c = (instruction >> 14) & 0x1ff;
      switch (instruction & 0x3f) {
        case Lua.OP_CONCAT -> checkConcat(frames.stack(), b, c);
        // Comparing two long strings walks their bytes; so does finding a long key among keys of the same
        // length and hash (LuaJ hashes 32 bytes of a string). One such instruction can take milliseconds, and
        // a thousand pass between two periodic checks, so each checks at once.
        case Lua.OP_EQ, Lua.OP_LT, Lua.OP_LE -> {
          if (isLong(closure, frames.stack(), b) && isLong(closure, frames.stack(), c)) {
            check();
          }
        }
        case Lua.OP_GETTABLE, Lua.OP_GETTABUP, Lua.OP_SELF -> {
          if (isLong(closure, frames.stack(), c)) {
            check();
          }
        }
        case Lua.OP_SETTABLE, Lua.OP_SETTABUP -> {
          if (isLong(closure, frames.stack(), b)) {
            check();
          }
        }
        default -> { }
      }
    }
  }

  /** Whether operand {@code rk} (a register, or a constant with the 0x100 bit) is a string of over 64 KB. */
  private static boolean isLong(LuaClosure closure, LuaValue[] stack, int rk) {
    LuaValue value = (rk & 0x100) != 0 ? closure.p.k[rk & 0xff] : rk < stack.length ? stack[rk] : null;
    return value != null && value.type() == LuaValue.TSTRING && value.rawlen() > LARGE;
  }

  /** No call-stack bookkeeping, so no traceback; error messages carry the file and line instead. */
  @Override
  public String traceback(int level) {
    return "";
  }

  /** Throws if the run is past its deadline or memory; for long Java-side library calls. */
  void check() {
    LuaLimitError stop = tripped;
    if (stop != null) {
      throw stop;
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      throw trip(new LuaLimitError("time", "stopped at its time limit"));
    }
    if (Thread.currentThread() != owner) {
      // A coroutine whose body is a library function (coroutine.wrap(string.rep)) runs no Lua instruction, so
      // only here does the limiter meet its thread and start counting what it allocates.
      frames();
    }
    long used = allocatedSinceStart();
    if (used > maxMemoryBytes) {
      throw trip(new LuaLimitError("memory", "stopped after allocating " + (used >> 20) + " MB "
          + "(hooks.lua.max_memory_bytes is " + (maxMemoryBytes >> 20) + " MB)"));
    }
  }

  /**
   * Throws before a string of {@code bytes} is built if it could not fit what is left of the run's memory.
   * Building one allocates more than the string (LuaJ's {@code ..} doubles its buffer as it goes), so a string
   * that fits the whole budget but not what is left would take the run well past it in a single step.
   */
  void checkStringSize(long bytes, String operation) {
    String limit = (maxMemoryBytes >> 20) + " MB (hooks.lua.max_memory_bytes)";
    if (bytes > maxStringBytes) {
      throw trip(new LuaLimitError("memory", operation + " would build a string of " + bytes + " bytes, more "
          + "than a run may allocate in all, " + limit));
    }
    if (bytes > LARGE && allocatedSinceStart() + bytes > maxMemoryBytes) {
      throw trip(new LuaLimitError("memory", operation + " would build a string of " + bytes + " bytes after "
          + "the run allocated " + (allocatedSinceStart() >> 20) + " MB of its " + limit));
    }
  }

  /** Stops the run from outside, e.g. when it ended while a coroutine was suspended. */
  LuaLimitError trip(LuaLimitError error) {
    if (tripped == null) {
      tripped = error;
    }
    return tripped;
  }

  /** The longest string a run may build in one operation. */
  long maxStringBytes() {
    return maxStringBytes;
  }

  /** Nanoseconds left before the deadline. */
  long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  LuaLimitError tripped() {
    return tripped;
  }

  long instructions() {
    return instructions;
  }

  private void enter() {
    LuaLimitError stop = tripped;
    if (stop != null) {
      throw stop;
    }
    if (++depth > maxDepth) {
      throw trip(new LuaLimitError("depth", "stopped at " + maxDepth
          + " nested calls (hooks.lua.max_call_depth); is there an endless recursion?"));
    }
  }

  private void checkConcat(LuaValue[] stack, int from, int to) {
    long total = 0;
    for (int r = from; r <= to && r < stack.length; r++) {
      LuaValue value = stack[r];
      total += value.type() == LuaValue.TSTRING ? value.rawlen() : 24;
    }
    checkStringSize(total, "'..'");
    if (total > LARGE) {
      // A loop of large concatenations could allocate far past the budget between two periodic checks.
      check();
    }
  }

  /** Allocations above this size check the run's budget at once. */
  private static final long LARGE = 64 * 1024;

  private Frames frames() {
    Thread current = Thread.currentThread();
    if (current == owner) {
      return ownerFrames;
    }
    synchronized (this) {
      if (otherFrames == null) {
        otherFrames = new IdentityHashMap<>();
        baselines = new IdentityHashMap<>();
      }
      baselines.computeIfAbsent(current, thread -> {
        long now = allocated(thread);
        return new long[] {now, now};
      });
      return otherFrames.computeIfAbsent(current, thread -> new Frames());
    }
  }

  private synchronized long allocatedSinceStart() {
    long total = allocated(owner) - ownerBaseline;
    if (baselines != null) {
      for (Map.Entry<Thread, long[]> entry : baselines.entrySet()) {
        long[] seen = entry.getValue();
        long now = allocated(entry.getKey());
        if (now >= 0) {
          seen[1] = now;
        }
        // A coroutine that ended still allocated what it did: its last count stays in the total.
        total += seen[1] - seen[0];
      }
    }
    return total;
  }

  private static long allocated(Thread thread) {
    return thread == Thread.currentThread()
        ? THREADS.getCurrentThreadAllocatedBytes() : THREADS.getThreadAllocatedBytes(thread.getId());
  }

  /**
   * The calls running on one thread, innermost last: closures with their register arrays, and {@code null} for
   * library functions (pcall and friends) that report their calls too.
   */
  private static final class Frames {
    private LuaClosure[] closures = new LuaClosure[8];
    private LuaValue[][] stacks = new LuaValue[8][];
    private int size;

    void push(LuaClosure closure, LuaValue[] stack) {
      if (size == closures.length) {
        closures = java.util.Arrays.copyOf(closures, size * 2);
        stacks = java.util.Arrays.copyOf(stacks, size * 2);
      }
      closures[size] = closure;
      stacks[size] = stack;
      size++;
    }

    void pop() {
      if (size > 0) {
        size--;
        closures[size] = null;
        stacks[size] = null;
      }
    }

    LuaClosure closure() {
      return size == 0 ? null : closures[size - 1];
    }

    LuaValue[] stack() {
      return stacks[size - 1];
    }
  }
}
