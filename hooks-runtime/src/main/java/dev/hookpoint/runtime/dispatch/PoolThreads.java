package dev.hookpoint.runtime.dispatch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of a background pool: which are its own (for the watchdog), and one more thread while a hook the
 * watchdog gave up on holds one, so that later runs still run.
 */
final class PoolThreads {

  private static final Logger LOG = LoggerFactory.getLogger(PoolThreads.class);

  private final String prefix;
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicLong replaced = new AtomicLong();

  PoolThreads(String prefix) {
    this.prefix = prefix;
  }

  /** Daemon threads named {@code <prefix><n>}, known to {@link #owns} while they live. */
  ThreadFactory factory() {
    return runnable -> {
      Thread thread = new Thread(() -> {
        try {
          runnable.run();
        } finally {
          threads.remove(Thread.currentThread());
        }
      }, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      threads.add(thread);
      return thread;
    };
  }

  boolean owns(Thread thread) {
    return threads.contains(thread);
  }

  /** A hook holds {@code thread}: the pool gets one more, until the thread comes back ({@link #returned}). */
  void replace(ThreadPoolExecutor pool, Thread thread) {
    if (!owns(thread) || !abandoned.add(thread)) {
      return;
    }
    synchronized (pool) {
      pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
      pool.setCorePoolSize(pool.getCorePoolSize() + 1);
    }
    replaced.incrementAndGet();
    LOG.error("background thread {} is held by a hook that does not stop; a new thread takes its place",
        thread.getName());
  }

  /** A thread finished a run: if it had been replaced, the pool shrinks again. */
  void returned(ThreadPoolExecutor pool, Thread thread) {
    if (abandoned.remove(thread)) {
      synchronized (pool) {
        pool.setCorePoolSize(pool.getCorePoolSize() - 1);
        pool.setMaximumPoolSize(pool.getMaximumPoolSize() - 1);
      }
    }
  }

  /** How many threads were replaced so far. */
  long replaced() {
    return replaced.get();
  }
}
