package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.executor.HookLog;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;

/**
 * What the sandbox's Java functions need to know about the run they serve: its limiter, log, hook and
 * coroutines. Reached through an inheritable thread-local, so the shared library tables cost nothing per run and
 * coroutine threads (which LuaJ starts from the running thread) see their run too.
 */
final class LuaRun {

  /** Coroutines one run may create; each is a Java thread in LuaJ. */
  static final int MAX_COROUTINES = 32;

  private static final InheritableThreadLocal<LuaRun> CURRENT = new InheritableThreadLocal<>();

  final String hookId;
  final org.luaj.vm2.Globals globals;
  final LuaLimiter limiter;
  final HookLog log;
  private final dev.hookpoint.runtime.executor.RateLimit httpBudget;
  private List<LuaThread> coroutines;
  private boolean ending;

  LuaRun(String hookId, org.luaj.vm2.Globals globals, LuaLimiter limiter, HookLog log,
      dev.hookpoint.runtime.executor.RateLimit httpBudget) {
    this.hookId = hookId;
    this.globals = globals;
    this.limiter = limiter;
    this.log = log;
    this.httpBudget = httpBudget;
  }

  /** The run on this thread; outside any run, a run with no limits and no log (for tools and tests). */
  static LuaRun current() {
    LuaRun run = CURRENT.get();
    if (run == null) {
      throw new IllegalStateException("sandbox function called outside a hook run");
    }
    return run;
  }

  /** The run's checkpoint, for long library calls. */
  static Checkpoint checkpoint() {
    LuaRun run = CURRENT.get();
    return run == null ? Checkpoint.NONE : run.limiter::check;
  }

  /** A limit error; trips the current run's limiter when there is one. */
  static LuaLimitError limit(String kind, String message) {
    LuaLimitError error = new LuaLimitError(kind, message);
    LuaRun run = CURRENT.get();
    return run == null ? error : run.limiter.trip(error);
  }

  private java.util.Random random;

  /** The run's own random generator, so that no hook can steer another's random numbers. */
  synchronized java.util.Random random() {
    if (random == null) {
      random = new java.util.Random();
    }
    return random;
  }

  synchronized void seed(long seed) {
    random = new java.util.Random(seed);
  }

  dev.hookpoint.runtime.executor.RateLimit httpBudget() {
    return httpBudget;
  }

  /** Counts a new coroutine; refuses past {@link #MAX_COROUTINES}. */
  synchronized void addCoroutine(LuaThread coroutine) {
    if (ending) {
      throw limit("coroutines", "the run is over");
    }
    if (coroutines == null) {
      coroutines = new ArrayList<>();
    }
    if (coroutines.size() >= MAX_COROUTINES) {
      throw limit("coroutines", "stopped at " + MAX_COROUTINES + " coroutines in one run");
    }
    coroutines.add(coroutine);
  }

  void enter() {
    CURRENT.set(this);
  }

  /**
   * Ends the run: every coroutine still suspended is resumed once so that its yield throws the run's stop and
   * its thread ends now, not when the garbage collector notices it.
   */
  void exit() {
    List<LuaThread> left;
    synchronized (this) {
      ending = true;
      left = coroutines;
    }
    if (left == null) {
      CURRENT.remove();
      return;
    }
    limiter.trip(new LuaLimitError("time", "the hook's run is over"));
    for (LuaThread coroutine : left) {
      if (coroutine.getStatus().equals("suspended")) {
        try {
          coroutine.resume(LuaValue.NONE);
        } catch (RuntimeException | LuaLimitError e) {
          // The coroutine died, as intended.
        }
      }
    }
    CURRENT.remove();
  }
}
