package dev.hookpoint.runtime.history;

import java.util.Set;

/** Remembers which hooks operators switched off, across restarts when the implementation persists. */
public interface HookStateStore {

  /** The ids ({@code event/file}) of the hooks switched off. */
  Set<String> disabled();

  /** Switches a hook on or off. */
  void setEnabled(String hookId, boolean enabled);

  /**
   * Whether switches outlive this process, so that a {@code hooks disable} in one process holds for the host in
   * another. A store kept in memory says no, and the {@code hooks} command says the switch did not last.
   */
  default boolean persistent() {
    return true;
  }
}
