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

  /** The counters, for operators and tests. */
  BackgroundStats stats();

  /** Stops taking work and lets running hooks finish within {@code hooks.async.drain_timeout_ms}. */
  @Override
  void close();
}
