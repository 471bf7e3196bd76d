package dev.hookpoint.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hook's changes as {@code hooks test} prints them: one line per changed field, {@code path: old -> new} where
 * the payload had a value, {@code path = new} where it had none. Records are shown field by field; anything
 * else (lists, maps, scalars) is one value, as hooks replace it whole. Strings are quoted as they are (the caller
 * escapes the line for the terminal), other values written as JSON.
 */
final class ChangeLines {

  private ChangeLines() {}

  /**
   * @param changes the changes as the hook gave them
   * @param before the payload the hook ran on
   * @param records the dotted paths of the event's records
   */
  static List<String> of(Map<String, Object> changes, Map<String, Object> before, Set<String> records) {
    List<String> lines = new ArrayList<>();
    add(lines, "", changes, before, records);
    return lines;
  }

  private static void add(List<String> lines, String prefix, Map<?, ?> changes, Object before, Set<String> records) {
    for (Map.Entry<?, ?> entry : changes.entrySet()) {
      String path = prefix + entry.getKey();
      Object old = before instanceof Map<?, ?> map ? map.get(String.valueOf(entry.getKey())) : null;
      boolean known = before instanceof Map<?, ?> map && map.containsKey(String.valueOf(entry.getKey()));
      if (entry.getValue() instanceof Map<?, ?> nested && path.equals("data") && !known) {
        add(lines, "", nested, before, records);  // the Mydia shape: the same changes, one level down
      } else if (entry.getValue() instanceof Map<?, ?> nested && records.contains(path)) {
        add(lines, path + ".", nested, old, records);
      } else if (known && old != null) {
        lines.add(path + ": " + value(old) + " -> " + value(entry.getValue()));
      } else {
        lines.add(path + " = " + value(entry.getValue()));
      }
    }
  }

  private static String value(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : JsonOutput.text(value);
  }
}
