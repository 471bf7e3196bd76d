package dev.hookpoint.runtime.contract;

/**
 * Merges a typed changes record into an event, giving the event the next hook in the chain sees. Generated.
 *
 * @param <E> the event record
 * @param <C> the changes record
 */
@FunctionalInterface
public interface ChangesApplier<E extends HookEvent, C> {

  /** The event with the changes merged; the given event is not modified. */
  E apply(E event, C changes);
}
