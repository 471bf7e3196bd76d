package dev.hookpoint.runtime.history;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Hook switches kept in memory only: the default when the host provides no store. */
public final class InMemoryHookStateStore implements HookStateStore {

  private final Set<String> disabled = ConcurrentHashMap.newKeySet();

  /** Every hook on. */
  public InMemoryHookStateStore() {}

  @Override
  public Set<String> disabled() {
    return Set.copyOf(disabled);
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
