package dev.hookpoint.processor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes JSON from trees of maps, lists, strings, numbers, booleans and {@link Raw} tokens. The processor writes
 * a little JSON (examples, schemas) and reads none; this keeps JavaPoet the processor jar's only shaded
 * dependency.
 */
public final class Json {

  /** A value that is already JSON text, e.g. an example number written as the host wrote it. */
  public record Raw(String json) {}

  private Json() {}

  /** The tree as one line of JSON. */
  public static String compact(Object tree) {
    StringBuilder out = new StringBuilder();
    write(tree, out, -1);
    return out.toString();
  }

  /** The tree as indented JSON, two spaces a level. */
  public static String pretty(Object tree) {
    StringBuilder out = new StringBuilder();
    write(tree, out, 0);
    return out.toString();
  }

  /** The string as a JSON string literal. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (value instanceof Map<?, ?> map) {
      writeContainer(ordered(map).iterator(), map.isEmpty(), '{', '}', out, depth, entry -> {
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
        out.append(quote(String.valueOf(e.getKey()))).append(depth < 0 ? ":" : ": ");
        write(e.getValue(), out, depth < 0 ? -1 : depth + 1);
      });
    } else if (value instanceof List<?> list) {
      writeContainer(list.iterator(), list.isEmpty(), '[', ']', out, depth,
          item -> write(item, out, depth < 0 ? -1 : depth + 1));
    } else if (value instanceof String text) {
      out.append(quote(text));
    } else if (value instanceof Raw raw) {
      out.append(raw.json());
    } else {
      out.append(value);
    }
  }

  /**
   * A map's entries in its own order when it has one, else by key: {@code Map.of} iterates in an order that
   * changes from one JVM to the next, and a build must write the same files every time.
   */
  private static Collection<? extends Map.Entry<?, ?>> ordered(Map<?, ?> map) {
    if (map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>) {
      return map.entrySet();
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    entries.sort(Comparator.comparing(entry -> String.valueOf(entry.getKey())));
    return entries;
  }

  private static void writeContainer(Iterator<?> items, boolean empty, char open, char close,
      StringBuilder out, int depth, java.util.function.Consumer<Object> writeItem) {
    out.append(open);
    if (empty) {
      out.append(close);
      return;
    }
    while (items.hasNext()) {
      if (depth >= 0) {
        out.append('\n').append("  ".repeat(depth + 1));
      }
      writeItem.accept(items.next());
      if (items.hasNext()) {
        out.append(',');
      }
    }
    if (depth >= 0) {
      out.append('\n').append("  ".repeat(depth));
    }
    out.append(close);
  }
}
