package dev.hookpoint.runtime.registry;

import dev.hookpoint.runtime.discovery.DiscoveryWarning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of every discovered hook. A reload builds a new one and swaps it in whole, so a dispatch
 * always sees one consistent directory, never half of one.
 */
public final class HookRegistry {

  private static final HookRegistry EMPTY = new HookRegistry(List.of(), List.of(), Instant.EPOCH);

  private final List<RegisteredHook> hooks;
  private final List<DiscoveryWarning> warnings;
  private final Instant loadedAt;
  private final Map<String, List<RegisteredHook>> chains;

  public HookRegistry(List<RegisteredHook> hooks, List<DiscoveryWarning> warnings, Instant loadedAt) {
    this.hooks = List.copyOf(hooks);
    this.warnings = List.copyOf(warnings);
    this.loadedAt = loadedAt;
    Map<String, List<RegisteredHook>> byEvent = new LinkedHashMap<>();
    for (RegisteredHook hook : this.hooks) {
      if (hook.enabled()) {
        byEvent.computeIfAbsent(hook.file().event(), event -> new ArrayList<>()).add(hook);
      }
    }
    byEvent.replaceAll((event, chain) -> List.copyOf(chain));
    this.chains = Map.copyOf(byEvent);
  }

  /** No hooks at all. */
  public static HookRegistry empty() {
    return EMPTY;
  }

  /** Every hook, enabled or not, by event and run order. */
  public List<RegisteredHook> hooks() {
    return hooks;
  }

  /** The enabled hooks of an event, in run order: the chain a dispatch runs. */
  public List<RegisteredHook> chain(String event) {
    return chains.getOrDefault(event, List.of());
  }

  /** What discovery warned about. */
  public List<DiscoveryWarning> warnings() {
    return warnings;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  /** A hook by id ({@code event/file}). */
  public Optional<RegisteredHook> find(String id) {
    return hooks.stream().filter(hook -> hook.id().equals(id)).findFirst();
  }

  /** This registry with the hook of the same id replaced. */
  public HookRegistry with(RegisteredHook replacement) {
    List<RegisteredHook> updated = new ArrayList<>(hooks.size());
    for (RegisteredHook hook : hooks) {
      updated.add(hook.id().equals(replacement.id()) ? replacement : hook);
    }
    return new HookRegistry(updated, warnings, loadedAt);
  }

  /** This registry with one hook switched on or off. */
  public HookRegistry withEnabled(String id, boolean enabled) {
    List<RegisteredHook> updated = new ArrayList<>(hooks.size());
    for (RegisteredHook hook : hooks) {
      updated.add(hook.id().equals(id) ? hook.withEnabled(enabled) : hook);
    }
    return new HookRegistry(updated, warnings, loadedAt);
  }
}
