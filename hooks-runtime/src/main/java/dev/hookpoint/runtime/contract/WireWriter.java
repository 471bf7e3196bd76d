package dev.hookpoint.runtime.contract;

/**
 * Receives an event as its records are walked, so that each executor builds its own form of it (a Lua table, JSON)
 * straight from the host's records, without a map in between. Generated event records call it; keys are wire
 * names, and {@code null} for the elements of a list. Every {@code begin} is matched by its {@code end}.
 */
public interface WireWriter {

  /**
   * An object starts: the event itself (key {@code null}), a record, a map.
   *
   * @param size how many entries follow, so that a table is made the right size at once
   */
  void beginObject(String key, int size);

  void endObject();

  /** A list of {@code size} elements starts; they follow with {@code null} keys. */
  void beginList(String key, int size);

  void endList();

  /** A string; {@code null} is {@link #nullValue}. */
  void string(String key, String value);

  void number(String key, long value);

  void number(String key, double value);

  void bool(String key, boolean value);

  /** No value: a Lua table has no such key, JSON says {@code null}. */
  void nullValue(String key);
}
