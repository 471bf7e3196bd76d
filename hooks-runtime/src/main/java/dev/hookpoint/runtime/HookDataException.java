package dev.hookpoint.runtime;

import java.util.List;

/**
 * A hook returned data that does not fit the event's changes record: an unknown key, a wrong type or a value out
 * of range. The hook's changes are ignored and the chain continues.
 */
public final class HookDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final String expected;
  private final List<String> allowedKeys;

  /**
   * @param key the dotted path of the offending key, e.g. {@code media_item.year}
   * @param expected what was expected there, e.g. {@code integer}
   * @param allowedKeys the keys allowed at that level, for the message
   * @param message the whole message, naming the key, the expected type and the allowed keys
   */
  public HookDataException(String key, String expected, List<String> allowedKeys, String message) {
    super(message);
    this.key = key;
    this.expected = expected;
    this.allowedKeys = List.copyOf(allowedKeys);
  }

  /** The dotted path of the offending key. */
  public String key() {
    return key;
  }

  /** What the key's value should have been. */
  public String expected() {
    return expected;
  }

  /** The keys allowed beside the offending one. */
  public List<String> allowedKeys() {
    return allowedKeys;
  }
}
