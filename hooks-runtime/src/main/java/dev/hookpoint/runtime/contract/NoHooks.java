package dev.hookpoint.runtime.contract;

import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.contract.HookDispatcher;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.HookPointHandle;

/** The dispatcher of {@link HookDispatcher#none()}. */
enum NoHooks implements HookDispatcher {
  INSTANCE;

  @Override
  public <E extends HookEvent, C> HookPointHandle<E, C> handle(HookPointDescriptor<E, C> point) {
    return new HookPointHandle<>(point) {
      @Override
      public HookContext context() {
        return HookContext.system();
      }

      @Override
      public E runSync(E event) {
        return event;
      }

      @Override
      public void fireAsync(E event) {}
    };
  }
}
