package dev.hookpoint.runtime.compat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shapes Mydia's shipped hooks are written in, accepted beside the design's own (§7.1, §7.2), all here so that
 * the general parser and the executors stay plain:
 *
 * <ul>
 *   <li>{@code changes.data}: a result may wrap its changes as {@code changes = { data = { ... } }};
 *   <li>the single-value shortcut: where an event has one changeable value, its keys may stand at the top of
 *       {@code changes} ({@code changes = { quality_profile = "x" }} for {@code changes.media_item.quality_profile});
 *   <li>{@code event.data}: a hook may read the event's fields under {@code event.data} as well as at the top.
 * </ul>
 *
 * Documented for hook authors in {@code docs/writing-hooks.md}.
 */
public final class MydiaShapes {

  /** The keys of every event that are not its own fields. */
  private static final Set<String> ENVELOPE = Set.of("event", "timestamp", "context");

  private MydiaShapes() {}

  /**
   * A result's {@code changes} in the event's own shape: unwrapped from {@code changes.data}, and under the one
   * changeable value's name when the shortcut was used.
   *
   * @param roots the names of the event's changeable values, e.g. {@code media_item}
   * @param unwrap reads the {@code data} table as an object, or says why it is not one
   */
  public static Map<String, Object> changes(Map<String, Object> changes, Set<String> roots,
      java.util.function.Function<Object, Map<String, Object>> unwrap) {
    Map<String, Object> normalized = changes;
    if (normalized.size() == 1 && normalized.get("data") instanceof Map<?, ?> && !roots.contains("data")) {
      normalized = unwrap.apply(normalized.get("data"));
    }
    if (roots.size() == 1 && !normalized.isEmpty()) {
      String root = roots.iterator().next();
      if (!normalized.containsKey(root)) {
        Map<String, Object> wrapped = new LinkedHashMap<>(2);
        wrapped.put(root, normalized);
        normalized = wrapped;
      }
    }
    return normalized;
  }

  /** Whether a key of the event belongs under {@code event.data}: every field, not the envelope. */
  public static boolean isEventData(String key) {
    return !ENVELOPE.contains(key);
  }
}
