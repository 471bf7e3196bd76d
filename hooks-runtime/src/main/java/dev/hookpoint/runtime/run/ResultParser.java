package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.compat.MydiaShapes;
import dev.hookpoint.runtime.contract.FieldInfo;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a hook's raw result against the design's result shape ({@code modified}, {@code changes},
 * {@code message}, {@code metadata}, {@code halt}) and brings {@code changes} to the event's own shape. Accepts
 * the shapes Mydia's hooks are written in, through {@link MydiaShapes}.
 */
final class ResultParser {

  static final List<String> KEYS = List.of("modified", "changes", "message", "metadata", "halt");

  private final Set<String> roots;

  ResultParser(HookPointDescriptor<?, ?> point) {
    Set<String> changeable = new LinkedHashSet<>();
    for (FieldInfo field : point.fields()) {
      if (field.changeable()) {
        int dot = field.path().indexOf('.');
        changeable.add(dot < 0 ? field.path() : field.path().substring(0, dot));
      }
    }
    this.roots = Set.copyOf(changeable);
  }

  /**
   * The validated result.
   *
   * @throws InvalidResultException naming what is wrong and what a result looks like
   */
  HookResult parse(Object raw) {
    if (raw == null) {
      return HookResult.NOTHING;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw new InvalidResultException("a hook must return a table/object like { modified = false }, got "
          + kind(raw));
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw new InvalidResultException("unknown result key '" + key + "'; a result has only "
            + String.join(", ", KEYS));
      }
    }
    // Each value is read once: the Lua executor's result converts a value each time it is read.
    Map<String, Object> changes = object(map.get("changes"), "changes");
    boolean modified = map.containsKey("modified") ? flag(map.get("modified"), "modified") : !changes.isEmpty();
    Object given = map.get("message");
    String message = given == null ? "" : text(given);
    Object halt = map.get("halt");
    return new HookResult(modified, normalize(changes), message, object(map.get("metadata"), "metadata"),
        halt != null && flag(halt, "halt"));
  }

  private Map<String, Object> normalize(Map<String, Object> changes) {
    return MydiaShapes.changes(changes, roots, data -> object(data, "changes.data"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String key) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    if (value instanceof List<?> list && list.isEmpty()) {
      return Map.of();  // An empty Lua table reads as an empty list.
    }
    throw new InvalidResultException("'" + key + "' must be a table/object, got " + kind(value));
  }

  private static boolean flag(Object value, String key) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw new InvalidResultException("'" + key + "' must be true or false, got " + kind(value));
  }

  private static String text(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw new InvalidResultException("'message' must be a string, got " + kind(value));
  }

  static String kind(Object value) {
    if (value instanceof String text) {
      return "the string '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
    if (value instanceof Map<?, ?>) {
      return "a table/object";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return value instanceof Number ? "the number " + value : String.valueOf(value);
  }

  /** The result does not have the result shape. */
  static final class InvalidResultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidResultException(String message) {
      super(message);
    }
  }
}
