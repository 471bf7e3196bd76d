package dev.hookpoint.runtime.dispatch;

import dev.hookpoint.runtime.config.HookpointConfig;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background events (on_ and async after_) on a fixed pool with a bounded queue. When the queue is full the
 * configured policy applies, and is counted: drop the event, or run it on the caller's thread. On close, queued
 * events are drained up to a deadline; any left are logged one by one and counted, never silently lost.
 */
public final class BackgroundRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRunner.class);

  private final ThreadPoolExecutor pool;
  private final long drainTimeoutMs;
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong ranOnCaller = new AtomicLong();
  private final AtomicLong lostOnShutdown = new AtomicLong();

  /** A background event; its description names it when it is dropped or lost. */
  public interface Task extends Runnable {
    String describe();
  }

  public BackgroundRunner(HookpointConfig.Async config) {
    this.drainTimeoutMs = config.drainTimeoutMs();
    this.pool = new ThreadPoolExecutor(config.poolSize(), config.poolSize(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(config.queueCapacity()), threads(), rejection(config.whenFull()));
  }

  /** Queues an event's hooks; never blocks, whatever the hooks do. */
  public void submit(Task task) {
    submitted.incrementAndGet();
    pool.execute(new Counted(task));
  }

  /** The counters, for operators and tests. */
  public Stats stats() {
    return new Stats(submitted.get(), completed.get(), dropped.get(), ranOnCaller.get(), lostOnShutdown.get(),
        pool.getQueue().size());
  }

  /**
   * @param submitted events handed in
   * @param completed events whose hooks all ran
   * @param dropped events dropped because the queue was full
   * @param ranOnCaller events run on the caller's thread because the queue was full
   * @param lostOnShutdown events still queued when the drain deadline passed, or submitted after close
   * @param queued events waiting now
   */
  public record Stats(long submitted, long completed, long dropped, long ranOnCaller, long lostOnShutdown,
      int queued) {}

  /** Drains queued events up to the deadline, then counts and logs every event left. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(drainTimeoutMs, TimeUnit.MILLISECONDS)) {
        LOG.error("background hooks did not finish within hooks.async.drain_timeout_ms = {} ms", drainTimeoutMs);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Runnable> left = pool.shutdownNow();
    for (Runnable task : left) {
      lostOnShutdown.incrementAndGet();
      LOG.error("shutdown: background event not run: {}", ((Counted) task).task.describe());
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
        task.run();
      } catch (RuntimeException e) {
        LOG.error("background event failed: {}", task.describe(), e);
      } finally {
        completed.incrementAndGet();
      }
    }
  }

  private RejectedExecutionHandler rejection(HookpointConfig.WhenFull whenFull) {
    return (runnable, executor) -> {
      Task task = ((Counted) runnable).task;
      if (executor.isShutdown()) {
        lostOnShutdown.incrementAndGet();
        LOG.error("background event submitted after shutdown, not run: {}", task.describe());
      } else if (whenFull == HookpointConfig.WhenFull.CALLER_RUNS) {
        ranOnCaller.incrementAndGet();
        runnable.run();
      } else {
        dropped.incrementAndGet();
        LOG.warn("background queue full (hooks.async.queue_capacity); dropped: {}", task.describe());
      }
    };
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "hookpoint-async-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
