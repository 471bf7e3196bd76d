package dev.hookpoint.runtime.contract;

import dev.hookpoint.runtime.HookContext;

/**
 * A generated wrapper's connection to the hooks of one hook point. The wrapper asks {@link #isActive()} first,
 * so that a point with no hook costs one volatile read and a branch; only when hooks are registered does it
 * build the event and call {@link #runSync} or {@link #fireAsync}.
 *
 * @param <E> the event record
 * @param <C> the changes record
 */
public abstract class HookPointHandle<E extends HookEvent, C> {

  private final HookPointDescriptor<E, C> point;
  private volatile boolean active;

  protected HookPointHandle(HookPointDescriptor<E, C> point) {
    this.point = point;
  }

  /** The hook point this handle serves. */
  public final HookPointDescriptor<E, C> point() {
    return point;
  }

  /** Whether any enabled hook is registered for the point; kept current by the dispatcher. */
  public final boolean isActive() {
    return active;
  }

  /** Called by the dispatcher when the registry changes. */
  protected final void setActive(boolean active) {
    this.active = active;
  }

  /** The context for an event fired now on the calling thread. */
  public abstract HookContext context();

  /**
   * Runs the chain synchronously and returns the event with every accepted change merged.
   *
   * @throws HookVetoException when a hook of a {@code before_*} point halted the chain
   */
  public abstract E runSync(E event);

  /** Hands the event to the background executor; never blocks on the hooks themselves. */
  public abstract void fireAsync(E event);
}
