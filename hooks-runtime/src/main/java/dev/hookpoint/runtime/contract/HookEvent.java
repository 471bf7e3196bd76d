package dev.hookpoint.runtime.contract;

import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.contract.PlainValues;
import dev.hookpoint.runtime.contract.WireWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input of one hook run: the common envelope of every event (name, timestamp, context) plus the event's own
 * fields. Implemented by the event records the annotation processor generates, one per hook point.
 */
public interface HookEvent {

  /** The event name, e.g. {@code before_media_added}. */
  String event();

  /** When the event fired. */
  Instant timestamp();

  /** Who triggered the event and how hooks should behave. */
  HookContext context();

  /**
   * The event's own fields as plain data (maps, lists, strings, numbers, booleans), keyed by their snake_case
   * wire names in declaration order.
   */
  default Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    writeFields(fields);
    return fields;
  }

  /** Puts the event's own fields, as {@link #fields()} describes them, into a map. */
  void writeFields(Map<String, Object> wire);

  /**
   * The whole event as hooks see it: {@code event}, {@code timestamp}, the fields at the top level, and
   * {@code context}.
   */
  default Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>(16);
    wire.put("event", event());
    wire.put("timestamp", timestamp().toString());
    writeFields(wire);
    wire.put("context", context().toWire());
    return wire;
  }

  /**
   * Writes the whole event, as {@link #toWire()} has it, to an executor's own form. Generated records write their
   * fields straight from the host's records; this default goes through the map.
   */
  default void writeTo(WireWriter out) {
    PlainValues.write(out, null, toWire());
  }
}
