package dev.hookpoint.runtime.contract;

/** When hooks of an event run relative to the host's method; the prefix of the event name. */
public enum Phase {
  /** {@code before_*}: before the method, may change its arguments and veto it. */
  BEFORE,
  /** {@code after_*}: after the method returned, may change its result when synchronous. */
  AFTER,
  /** {@code on_*}: a notification after the fact, always asynchronous. */
  ON;

  /** The phase an event name starts with. */
  public static Phase of(String eventName) {
    if (eventName.startsWith("before_")) {
      return BEFORE;
    }
    if (eventName.startsWith("after_")) {
      return AFTER;
    }
    if (eventName.startsWith("on_")) {
      return ON;
    }
    throw new IllegalArgumentException("event name must start with before_, after_ or on_: " + eventName);
  }
}
