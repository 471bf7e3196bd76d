package dev.hookpoint.runtime.history;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Hook switches and settings kept in memory only: for tests, and what the runtime falls back to when its store cannot be used. */
public final class InMemoryHookStateStore implements HookStateStore {

  private final Set<String> disabled = ConcurrentHashMap.newKeySet();
  private volatile Map<String, String> settings = Map.of();

  /** Every hook on. */
  public InMemoryHookStateStore() {}

  @Override
  public Set<String> disabled() {
    return Set.copyOf(disabled);
  }

  @Override
  public Map<String, String> settings() {
    return settings;
  }

  @Override
  public void saveSettings(Map<String, String> settings) {
    this.settings = Map.copyOf(settings);
  }

  /** Switches and settings are lost when the process exits. */
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
