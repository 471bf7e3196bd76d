package dev.hookpoint.runtime.history;

import dev.hookpoint.runtime.RunStatus;
import java.util.Arrays;
import java.util.Map;

/**
 * Live numbers of one hook: runs, errors by category, and duration percentiles over the last runs.
 */
public final class HookStats {

  private static final int WINDOW = 1024;

  private final long[] durations = new long[WINDOW];
  private final long[] byStatus = new long[RunStatus.values().length];
  private long count;
  private long maxMicros;

  HookStats() {}

  synchronized void record(RunStatus status, long durationMicros) {
    durations[(int) (count % WINDOW)] = durationMicros;
    count++;
    maxMicros = Math.max(maxMicros, durationMicros);
    byStatus[status.ordinal()]++;
  }

  /** A consistent copy of the numbers. */
  public synchronized Snapshot snapshot() {
    int size = (int) Math.min(count, WINDOW);
    long[] window = Arrays.copyOf(durations, size);
    Arrays.sort(window);
    Map<String, Long> errors = new java.util.TreeMap<>();
    for (RunStatus status : RunStatus.values()) {
      if (status.isError() && byStatus[status.ordinal()] > 0) {
        errors.put(status.wireName(), byStatus[status.ordinal()]);
      }
    }
    return new Snapshot(count, errors.values().stream().mapToLong(Long::longValue).sum(), Map.copyOf(errors),
        percentile(window, 0.50), percentile(window, 0.95), maxMicros);
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  /**
   * @param runs every run
   * @param errors runs that ended in an error category
   * @param errorsByCategory e.g. {@code timeout -> 3}
   * @param p50Micros median duration over the last runs
   * @param p95Micros 95th percentile over the last runs
   * @param maxMicros the longest run ever
   */
  public record Snapshot(long runs, long errors, Map<String, Long> errorsByCategory, long p50Micros,
      long p95Micros, long maxMicros) {

    /**
     * The numbers as the operators' JSON shows them ({@code hooks list --json}, the dashboard's API): durations
     * in milliseconds.
     */
    public Map<String, Object> toWire() {
      Map<String, Object> wire = new java.util.LinkedHashMap<>();
      wire.put("runs", runs);
      wire.put("errors", errors);
      wire.put("errors_by_category", errorsByCategory);
      wire.put("p50_ms", p50Micros / 1000.0);
      wire.put("p95_ms", p95Micros / 1000.0);
      wire.put("max_ms", maxMicros / 1000.0);
      return wire;
    }
  }
}
