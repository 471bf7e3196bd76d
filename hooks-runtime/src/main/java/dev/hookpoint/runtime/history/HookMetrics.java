package dev.hookpoint.runtime.history;

import dev.hookpoint.runtime.RunStatus;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Per-hook run counts, errors by category and durations, kept live in memory. */
public final class HookMetrics {

  private final ConcurrentHashMap<String, HookStats> stats = new ConcurrentHashMap<>();

  /** No hook has run yet. */
  public HookMetrics() {}

  /** Counts one run. */
  public void record(String hookId, RunStatus status, long durationMicros) {
    stats.computeIfAbsent(hookId, id -> new HookStats()).record(status, durationMicros);
  }

  /** The numbers of one hook; zeros when it never ran. */
  public HookStats.Snapshot of(String hookId) {
    HookStats hook = stats.get(hookId);
    return hook == null ? new HookStats().snapshot() : hook.snapshot();
  }

  /** Every hook's numbers, by id. */
  public Map<String, HookStats.Snapshot> all() {
    Map<String, HookStats.Snapshot> all = new TreeMap<>();
    stats.forEach((id, hook) -> all.put(id, hook.snapshot()));
    return all;
  }
}
