package dev.hookpoint.runtime.history;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Hook switches kept in memory only: for tests, and what the runtime falls back to when its store cannot be used. */
public final class InMemoryHookStateStore implements HookStateStore {

  private final Set<String> disabled = ConcurrentHashMap.newKeySet();

  /** Every hook on. */
  public InMemoryHookStateStore() {}

  @Override
  public Set<String> disabled() {
    return Set.copyOf(disabled);
  }

  /** Switches are lost when the process exits. */
  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public void setEnabled(String hookId, boolean enabled) {
    if (enabled) {
      disabled.remove(hookId);
    } else {
      disabled.add(hookId);
    }
  }
}
