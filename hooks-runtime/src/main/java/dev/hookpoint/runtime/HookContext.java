package dev.hookpoint.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The context part of every event's envelope.
 *
 * @param userId the user who triggered the event, or {@code null} for background work
 * @param settings application settings relevant to hooks, as plain data
 * @param dryRun {@code true} when hooks run for a test: their changes are reported but not applied
 */
public record HookContext(Long userId, Map<String, Object> settings, boolean dryRun) {

  private static final HookContext SYSTEM = new HookContext(null, Map.of(), false);

  public HookContext {
    settings = Map.copyOf(Objects.requireNonNull(settings, "settings"));
  }

  /** The context of events no user triggered. */
  public static HookContext system() {
    return SYSTEM;
  }

  /** This context for a user. */
  public HookContext withUser(Long userId) {
    return new HookContext(userId, settings, dryRun);
  }

  /** This context in dry-run mode. */
  public HookContext asDryRun() {
    return new HookContext(userId, settings, true);
  }

  /** The last context turned into its wire form: most events carry the same context instance. */
  private static volatile Wire last;

  private record Wire(HookContext context, Map<String, Object> wire) {}

  /** The context as hooks see it: {@code user_id}, {@code settings}, {@code dry_run}. Read-only. */
  public Map<String, Object> toWire() {
    Wire cached = last;
    if (cached != null && cached.context() == this) {
      return cached.wire();
    }
    Map<String, Object> wire = new LinkedHashMap<>(4);
    wire.put("user_id", userId);
    wire.put("settings", settings);
    wire.put("dry_run", dryRun);
    Map<String, Object> readOnly = java.util.Collections.unmodifiableMap(wire);
    last = new Wire(this, readOnly);
    return readOnly;
  }
}
