package dev.hookpoint.runtime.dispatch;

import dev.hookpoint.runtime.BackgroundStats;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.util.List;

/**
 * How a background event (on_, async after_) reaches its hooks once the host's method has returned: queued in
 * memory ({@link MemoryDelivery}), or stored in the database, one task per hook ({@link DurableDelivery}).
 * {@code hooks.async.delivery} chooses.
 */
public interface BackgroundDelivery extends AutoCloseable {

  /** Hands the event to its hooks; never blocks on the hooks themselves. */
  <E extends HookEvent, C> void deliver(HookPointDescriptor<E, C> point, E event, List<RegisteredHook> hooks);

  /** Whether a thread runs this delivery's hooks, e.g. for the watchdog. */
  boolean owns(Thread thread);

  /** The watchdog gave up on a hook on one of this delivery's threads. */
  void replace(Thread thread);

  /** Whether a run is a dead durable run kept to {@linkplain #runAgain run again}. */
  default boolean canRunAgain(String runId) {
    return false;
  }

  /**
   * Stores a dead run again for a fresh series of attempts, with the same event id.
   *
   * @throws IllegalArgumentException when no such dead run is kept
   */
  default void runAgain(String runId) {
    throw new IllegalArgumentException(RUN_AGAIN_NONE + runId + "' is kept: background hooks are delivered in "
        + "memory (hooks.async.delivery), which never retries, so no run ends dead");
  }

  /** The start of the message when there is nothing to run again. */
  String RUN_AGAIN_NONE = "[hookpoint:no-dead-run] no dead run '";

  /** The counters, for operators and tests. */
  BackgroundStats stats();

  /** Stops taking work and lets running hooks finish within {@code hooks.async.drain_timeout_ms}. */
  @Override
  void close();
}
