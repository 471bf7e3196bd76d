package dev.hookpoint.runtime.history;

import java.util.Map;
import java.util.Set;

/**
 * Remembers what operators changed while the host ran: which hooks they switched off, and the live settings they
 * set (see {@code HookRuntime.LIVE_SETTINGS}); across restarts when the implementation persists.
 */
public interface HookStateStore {

  /** The ids ({@code event/file}) of the hooks switched off. */
  Set<String> disabled();

  /** Switches a hook on or off. */
  void setEnabled(String hookId, boolean enabled);

  /** The live settings operators set, by key (e.g. {@code hooks.default_timeout_ms}), as they gave them. */
  Map<String, String> settings();

  /** Replaces every stored setting with these: a key left out goes back to the configuration file's value. */
  void saveSettings(Map<String, String> settings);

  /**
   * Whether switches and settings outlive this process, so that a {@code hooks disable} in one process holds for the host in
   * another. A store kept in memory says no, and the {@code hooks} command says the switch did not last.
   */
  default boolean persistent() {
    return true;
  }
}
