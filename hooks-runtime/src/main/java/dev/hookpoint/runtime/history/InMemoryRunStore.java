package dev.hookpoint.runtime.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last {@code capacity} runs, in memory only: for tests, and the fallback when the store cannot be used.
 */
public final class InMemoryRunStore implements RunStore {

  private final int capacity;
  private final ArrayDeque<RunRecord> runs;

  public InMemoryRunStore(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.runs = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  @Override
  public synchronized void record(RunRecord run) {
    if (runs.size() == capacity) {
      runs.removeFirst();
    }
    runs.addLast(run);
  }

  /** Runs are lost when the process exits. */
  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public synchronized List<RunRecord> recent(int limit) {
    List<RunRecord> recent = new ArrayList<>(Math.min(limit, runs.size()));
    for (Iterator<RunRecord> it = runs.descendingIterator(); it.hasNext() && recent.size() < limit; ) {
      recent.add(it.next());
    }
    return recent;
  }
}
