package dev.hookpoint.runtime.contract;

import java.util.List;
import java.util.Map;

/**
 * Writes plain data (maps, lists, strings, numbers, booleans, {@code null}) to a {@link WireWriter}: the event's
 * context, a host's free-form settings, and any event that is only known as its map.
 */
public final class PlainValues {

  private PlainValues() {}

  /** Writes one value under {@code key}; anything that is not plain data is written as its text. */
  public static void write(WireWriter out, String key, Object value) {
    if (value == null) {
      out.nullValue(key);
    } else if (value instanceof String text) {
      out.string(key, text);
    } else if (value instanceof Boolean flag) {
      out.bool(key, flag);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      out.number(key, ((Number) value).longValue());
    } else if (value instanceof Number number) {
      out.number(key, number.doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      out.beginObject(key, map.size());
      map.forEach((name, item) -> write(out, String.valueOf(name), item));
      out.endObject();
    } else if (value instanceof List<?> list) {
      out.beginList(key, list.size());
      for (Object item : list) {
        write(out, null, item);
      }
      out.endList();
    } else {
      out.string(key, String.valueOf(value));
    }
  }
}
