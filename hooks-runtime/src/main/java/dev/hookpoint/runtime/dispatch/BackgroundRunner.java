package dev.hookpoint.runtime.dispatch;

import dev.hookpoint.runtime.BackgroundStats;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.run.Watchdog;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background events (on_ and async after_) on a fixed pool with a bounded queue. When the queue is full the
 * configured policy applies, and is counted: drop the event, or run it on the caller's thread. A thread the
 * watchdog had to abandon to a hook that would not stop is replaced, so later events still run.
 *
 * <p>On close, queued events are drained up to {@code hooks.async.drain_timeout_ms}. At that deadline the hooks
 * still running are stopped, and every hook still queued or not yet reached is recorded as {@code lost}, logged
 * and counted: never silently gone.
 */
public final class BackgroundRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRunner.class);
  /** After the drain deadline, how long stopped hooks get to record how they ended. */
  private static final long STOP_GRACE_MS = 2_000;

  private final ThreadPoolExecutor pool;
  private final long drainTimeoutMs;
  private final Watchdog watchdog;
  private final PoolThreads threads = new PoolThreads("hookpoint-async-");
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong ranOnCaller = new AtomicLong();
  private final AtomicLong lostOnShutdown = new AtomicLong();
  private final Shutdown shutdown = new Shutdown();

  /** A background event: its hooks, run until the shutdown deadline, and recorded as lost when never run. */
  public interface Task {
    /** Runs the event's hooks; those not reached by the shutdown deadline are recorded as lost. */
    void run(Shutdown shutdown);

    /** Records every hook of the event as lost, for the reason given. */
    void lose(String reason);

    /** Names the event in logs. */
    String describe();
  }

  /** What a running background event sees of the shutdown. */
  public final class Shutdown {
    private volatile boolean pastDeadline;

    /** Whether the drain deadline has passed: hooks not yet started must not start. */
    public boolean isPastDeadline() {
      return pastDeadline;
    }

    /** Why a hook did not run, naming the setting. */
    public String reason() {
      return because("ran");
    }

    private String because(String verb) {
      return "the host shut down before this background hook " + verb + " (hooks.async.drain_timeout_ms = "
          + drainTimeoutMs + " ms)";
    }
  }

  public BackgroundRunner(HookpointConfig.Async config, Watchdog watchdog) {
    this.drainTimeoutMs = config.drainTimeoutMs();
    this.watchdog = watchdog;
    this.pool = new ThreadPoolExecutor(config.poolSize(), config.poolSize(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(config.queueCapacity()), threads.factory(), rejection(config.whenFull()));
  }

  /** Queues an event's hooks; never blocks, whatever the hooks do. */
  public void submit(Task task) {
    submitted.incrementAndGet();
    pool.execute(new Counted(task));
  }

  /** Whether a thread is one of this pool's, e.g. for the watchdog. */
  public boolean owns(Thread thread) {
    return threads.owns(thread);
  }

  /**
   * The watchdog gave up on a hook on one of this pool's threads: one more thread keeps the queue moving, until the
   * abandoned one comes back (if ever), when the pool shrinks again.
   */
  public void replace(Thread thread) {
    threads.replace(pool, thread);
  }

  /** The counters, for operators and tests. */
  public BackgroundStats stats() {
    return new BackgroundStats(submitted.get(), completed.get(), dropped.get(), ranOnCaller.get(), lostOnShutdown.get(),
        pool.getQueue().size(), threads.replaced());
  }


  /**
   * Drains queued events up to the deadline; then stops the hooks still running and records every hook left as
   * lost.
   */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (pool.awaitTermination(drainTimeoutMs, TimeUnit.MILLISECONDS)) {
        return;
      }
      LOG.error("background hooks did not finish within hooks.async.drain_timeout_ms = {} ms", drainTimeoutMs);
      shutdown.pastDeadline = true;
      watchdog.cancelAll(this::owns, RunStatus.LOST, "stopped: " + shutdown.because("finished"));
      for (Runnable left : pool.shutdownNow()) {
        Task task = ((Counted) left).task;
        lostOnShutdown.incrementAndGet();
        LOG.error("shutdown: background event not run: {}", task.describe());
        task.lose(shutdown.reason());
      }
      if (!pool.awaitTermination(STOP_GRACE_MS, TimeUnit.MILLISECONDS)) {
        LOG.error("background hooks still running {} ms after they were stopped; not waiting any longer",
            STOP_GRACE_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Counted implements Runnable {
    private final Task task;

    Counted(Task task) {
      this.task = task;
    }

    @Override
    public void run() {
      try {
        task.run(shutdown);
      } catch (RuntimeException e) {
        LOG.error("background event failed: {}", task.describe(), e);
      } finally {
        if (shutdown.pastDeadline) {
          lostOnShutdown.incrementAndGet();
        } else {
          completed.incrementAndGet();
        }
        threads.returned(pool, Thread.currentThread());
      }
    }
  }

  private RejectedExecutionHandler rejection(HookpointConfig.WhenFull whenFull) {
    return (runnable, executor) -> {
      Task task = ((Counted) runnable).task;
      if (executor.isShutdown()) {
        lostOnShutdown.incrementAndGet();
        LOG.error("background event submitted after shutdown, not run: {}", task.describe());
        task.lose("submitted after the host began to shut down");
      } else if (whenFull == HookpointConfig.WhenFull.CALLER_RUNS) {
        ranOnCaller.incrementAndGet();
        runnable.run();
      } else {
        dropped.incrementAndGet();
        LOG.warn("background queue full (hooks.async.queue_capacity); dropped: {}", task.describe());
      }
    };
  }

}
