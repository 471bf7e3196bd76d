package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.executor.Cancellation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every hook run from outside its thread. Executors enforce their own deadlines; this is what stands behind
 * them when one cannot, say a library call that loops in Java and never reaches a check. Past its deadline (and
 * the time its executor takes to stop it by itself, {@link dev.hookpoint.runtime.executor.HookExecutor#stopGraceMs})
 * a run is cancelled: the Lua limiter is tripped, the
 * process killed, and it is recorded as a timeout. A run still going a grace period later is abandoned: recorded, its thread interrupted and handed to {@link Listener#abandoned}, so
 * the background pool can replace it and switch the hook off, and nothing waits on it any more.
 *
 * <p>One daemon thread scans the runs in flight every {@link #SCAN_MS} ms. Watching costs a run one small object
 * and a set insert and removal; the scan's coarse clock is fine for a backstop.
 */
public final class Watchdog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

  /** How often the watchdog looks at the runs in flight. */
  static final long SCAN_MS = 50;
  /** How long a run cancelled from outside has to stop before it is abandoned. */
  static final long GRACE_MS = 1_000;

  /** Told about a run the watchdog gave up on. */
  public interface Listener {
    /** The run's thread, still inside the hook, and the hook's id. */
    void abandoned(Thread thread, String hookId);
  }

  private final long graceNanos = TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
  private final Set<Watch> active = ConcurrentHashMap.newKeySet();
  private volatile Listener listener = (thread, hookId) -> {};
  private volatile Thread scanner;
  private volatile boolean closed;

  public void listener(Listener listener) {
    this.listener = listener;
  }

  /**
   * Starts watching a run on the current thread.
   *
   * @param stopGraceMs how long past the deadline its executor may still be stopping it by itself
   * @param onAbandon records the run when the watchdog gives up on it; runs on the watchdog's thread
   */
  Watch watch(String hookId, long deadlineNanos, long stopGraceMs, Cancellation cancellation, Runnable onAbandon) {
    Watch watch = new Watch(Thread.currentThread(), hookId, deadlineNanos + TimeUnit.MILLISECONDS.toNanos(stopGraceMs),
        cancellation, onAbandon);
    active.add(watch);
    ensureScanning();
    return watch;
  }

  /**
   * Ends the watch of a run that returned.
   *
   * @return {@code false} when the watchdog already abandoned (and recorded) the run
   */
  boolean finish(Watch watch) {
    active.remove(watch);
    return watch.finish();
  }

  /** Cancels every run in flight on a thread the filter accepts, e.g. background runs at shutdown. */
  public void cancelAll(Predicate<Thread> threads, RunStatus status, String message) {
    for (Watch watch : active) {
      if (threads.test(watch.thread)) {
        watch.cancellation.cancel(status, message);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Thread thread = scanner;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void ensureScanning() {
    if (scanner == null && !closed) {
      synchronized (this) {
        if (scanner == null) {
          Thread thread = new Thread(this::scanUntilClosed, "hookpoint-watchdog");
          thread.setDaemon(true);
          thread.start();
          scanner = thread;
        }
      }
    }
  }

  private void scanUntilClosed() {
    while (!closed) {
      try {
        Thread.sleep(SCAN_MS);
      } catch (InterruptedException e) {
        return;
      }
      try {
        scan(System.nanoTime());
      } catch (RuntimeException e) {
        // The watchdog must outlive whatever a listener or a recording store throws.
        LOG.error("watchdog scan failed", e);
      }
    }
  }

  /** One look at the runs in flight. */
  void scan(long now) {
    for (Watch watch : active) {
      if (now - (watch.deadlineNanos + graceNanos) > 0) {
        abandon(watch);
      } else if (now - watch.deadlineNanos > 0) {
        watch.cancellation.cancel(RunStatus.TIMEOUT, "did not stop at its time limit, so it was stopped from "
            + "outside");
      }
    }
  }

  private void abandon(Watch watch) {
    if (!watch.state.compareAndSet(Watch.RUNNING, Watch.ABANDONED)) {
      return;
    }
    active.remove(watch);
    LOG.error("[{}] did not stop within {} ms of its deadline; its thread {} is abandoned", watch.hookId,
        TimeUnit.NANOSECONDS.toMillis(graceNanos), watch.thread.getName());
    watch.onAbandon.run();
    // Switched off (and its thread replaced) before it is interrupted: whatever the thread does when it comes
    // back, the hook no longer runs.
    listener.abandoned(watch.thread, watch.hookId);
    watch.thread.interrupt();
  }

  /** One run being watched. */
  static final class Watch {
    static final int RUNNING = 0;
    static final int DONE = 1;
    static final int ABANDONED = 2;

    private final Thread thread;
    private final String hookId;
    /** The run's deadline plus the time its executor takes to stop it by itself. */
    private final long deadlineNanos;
    private final Cancellation cancellation;
    private final Runnable onAbandon;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    private Watch(Thread thread, String hookId, long deadlineNanos, Cancellation cancellation, Runnable onAbandon) {
      this.thread = thread;
      this.hookId = hookId;
      this.deadlineNanos = deadlineNanos;
      this.cancellation = cancellation;
      this.onAbandon = onAbandon;
    }

    private boolean finish() {
      return state.compareAndSet(RUNNING, DONE);
    }
  }

  /** The number of runs in flight, for tests. */
  int watching() {
    return active.size();
  }
}
