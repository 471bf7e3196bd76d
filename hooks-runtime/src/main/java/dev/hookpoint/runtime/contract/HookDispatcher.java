package dev.hookpoint.runtime.contract;


/**
 * Connects generated wrappers to the hooks the runtime discovered. A wrapper asks for one
 * {@link HookPointHandle} per hook point when it is constructed and keeps it.
 */
public interface HookDispatcher {

  /** The handle of a hook point. Called once per point and wrapper, never on the hot path. */
  <E extends HookEvent, C> HookPointHandle<E, C> handle(HookPointDescriptor<E, C> point);

  /** A dispatcher with no hooks at all: every handle stays inactive. */
  static HookDispatcher none() {
    return NoHooks.INSTANCE;
  }
}
