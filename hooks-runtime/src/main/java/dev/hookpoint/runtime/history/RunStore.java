package dev.hookpoint.runtime.history;

import java.util.List;

/**
 * Where runs are recorded. The runtime records from the dispatching thread, so implementations must be fast and
 * thread-safe; a persistent one should queue and write in the background.
 */
public interface RunStore {

  /** Records a run. */
  void record(RunRecord run);

  /** The most recent runs, newest first. */
  List<RunRecord> recent(int limit);

  /**
   * Whether recorded runs outlive this process, so that the host's other processes (a {@code hooks runs}) see them.
   * A store kept in memory says no, and the {@code hooks} command says so instead of showing an empty history.
   */
  default boolean persistent() {
    return true;
  }
}
