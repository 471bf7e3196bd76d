package dev.hookpoint.runtime;

import dev.hookpoint.runtime.registry.HookRegistry;

/** What the runtime's own tests look at inside a {@link HookRuntime} that hosts cannot: its live registry. */
public final class RuntimeInternals {

  private RuntimeInternals() {}

  public static HookRegistry registry(HookRuntime runtime) {
    return runtime.registry();
  }
}
