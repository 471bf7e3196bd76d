package dev.hookpoint.runtime.executor;

import java.util.Locale;

/**
 * What a failing hook means for the action it guards, like Kubernetes admission's {@code failurePolicy}. Fail-soft
 * is the default (design §4.5); a guard whose {@code load_error}, {@code execution_error}, {@code timeout} or
 * {@code data_error} must not wave a {@code before_} action through declares {@code veto}.
 */
public enum OnError {
  /** The failure is recorded and the chain goes on. */
  IGNORE,
  /** In a {@code before_} event, the failure vetoes the action. */
  VETO;

  /** As written in metadata and configuration: {@code ignore}, {@code veto}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads {@code ignore} or {@code veto}, in any case.
   *
   * @throws IllegalArgumentException naming both choices
   */
  public static OnError parse(String text) {
    for (OnError value : values()) {
      if (value.wireName().equalsIgnoreCase(text.strip())) {
        return value;
      }
    }
    throw new IllegalArgumentException("on_error must be 'ignore' or 'veto', got '" + text + "'");
  }
}
