package dev.hookpoint.runtime.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs waiting to be written, and the one thread that writes them in batches: the hook's thread only queues. A full
 * queue drops the run (counted and logged) rather than make the host wait for the disk. {@link #flush} waits until
 * every run queued before it is written, so that a reader sees what was recorded.
 */
final class RunQueue implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);
  static final int CAPACITY = 10_000;
  private static final int BATCH = 500;
  private static final long FLUSH_TIMEOUT_MS = 10_000;

  private final BlockingQueue<RunRecord> pending;
  private final Consumer<List<RunRecord>> write;
  private final Thread writer;
  private long queued;
  private long done;
  private long dropped;
  private volatile boolean closed;

  /** @param write writes one batch; it logs its own failures and never throws */
  RunQueue(Consumer<List<RunRecord>> write, String name) {
    this(write, name, CAPACITY);
  }

  RunQueue(Consumer<List<RunRecord>> write, String name, int capacity) {
    this.pending = new ArrayBlockingQueue<>(capacity);
    this.write = write;
    this.writer = new Thread(this::drain, name);
    writer.setDaemon(true);
    writer.start();
  }

  void add(RunRecord run) {
    synchronized (this) {
      if (closed) {
        write.accept(List.of(run));
        return;
      }
      if (!pending.offer(run)) {
        if (dropped++ % 1000 == 0) {
          LOG.warn("the run history cannot keep up: {} run(s) not recorded so far, of {}", dropped, run.hookId());
        }
        return;
      }
      queued++;
    }
  }

  /** Runs dropped because the queue was full. */
  synchronized long dropped() {
    return dropped;
  }

  /** Waits (up to 10 s) until every run queued so far is written. */
  synchronized void flush() {
    long target = queued;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_TIMEOUT_MS);
    while (done < target) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        LOG.warn("the run history is still writing {} run(s)", target - done);
        return;
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void drain() {
    List<RunRecord> batch = new ArrayList<>(BATCH);
    while (!closed || !pending.isEmpty()) {
      try {
        RunRecord first = pending.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        pending.drainTo(batch, BATCH - 1);
        write.accept(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("could not record {} hook run(s): {}", batch.size(), e.getMessage());
      }
      synchronized (this) {
        done += batch.size();
        notifyAll();
      }
      batch.clear();
    }
  }

  /** Writes what is queued, then stops the thread; later runs are written on the caller's thread. */
  @Override
  public void close() {
    flush();
    synchronized (this) {
      closed = true;
    }
    try {
      writer.join(FLUSH_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
