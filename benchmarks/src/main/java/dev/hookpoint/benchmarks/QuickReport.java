package dev.hookpoint.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result into one line per metric, {@code name value unit ratio=R goal=G ok|FAIL}, and the same
 * as JSON. Every ratio divides by a floor measured in the same run; nothing here is a constant but the goals.
 */
public final class QuickReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String PREFIX = "dev.hookpoint.benchmarks.";

  private final Map<String, JsonNode> results = new LinkedHashMap<>();
  /** Bytes allocated per operation, from JMH's gc profiler ({@code -prof gc}), by benchmark. */
  private final Map<String, Double> allocations = new LinkedHashMap<>();
  private final List<Map<String, Object>> metrics = new ArrayList<>();

  private QuickReport(JsonNode jmh) {
    for (JsonNode result : jmh) {
      // A parameterised benchmark is keyed by its parameters' values too: ProcessHookBenchmark.endToEnd[bwrap].
      JsonNode params = result.get("params");
      List<String> values = new ArrayList<>();
      if (params != null) {
        params.elements().forEachRemaining(value -> values.add(value.asText()));
      }
      String suffix = values.isEmpty() ? "" : "[" + String.join(",", values) + "]";
      String name = result.get("benchmark").asText().substring(PREFIX.length()) + suffix;
      results.put(name, result.get("primaryMetric"));
      JsonNode secondary = result.get("secondaryMetrics");
      for (String key : List.of("gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm")) {
        if (secondary != null && secondary.has(key)) {
          allocations.put(name, secondary.get(key).get("score").asDouble());
        }
      }
    }
  }

  /** {@code QuickReport jmh.json quick.json}; exit code 0 even when a goal is missed: the numbers are the news. */
  public static void main(String[] args) throws IOException {
    QuickReport report = new QuickReport(JSON.readTree(Path.of(args[0]).toFile()));
    report.compute();
    for (Map<String, Object> metric : report.metrics) {
      System.out.printf(Locale.ROOT, "%s %s %s ratio=%s goal=%s %s%n", metric.get("name"), number(metric.get("value")),
          metric.get("unit"), number(metric.get("ratio")), metric.get("goal"), metric.get("status"));
    }
    JSON.writeValue(Path.of(args[1]).toFile(), report.metrics);
  }

  private void compute() {
    double direct = score("DispatchBenchmark.direct");
    double wrapper = score("DispatchBenchmark.wrapperNoHooks");
    add("dispatch.zero_hook_added", wrapper - direct, "ns", wrapper / direct, "<= 5 ns", wrapper - direct <= 5);

    double lua = p50("LuaHookBenchmark.endToEnd");
    double raw = p50("LuaHookBenchmark.rawLuaj");
    add("lua.end_to_end_p50", lua, "us", lua / raw, "ratio <= 1.5 (vs raw LuaJ)", lua / raw <= 1.5);
    Double bytes = allocations.get("LuaHookBenchmark.endToEnd");
    Double rawBytes = allocations.get("LuaHookBenchmark.rawLuaj");
    if (bytes != null && rawBytes != null) {
      add("lua.allocation_per_run", bytes, "B", bytes / rawBytes, "ratio <= 1.5 (vs raw LuaJ)", bytes / rawBytes <= 1.5);
    }
    double five = p50("LuaHookBenchmark.endToEndFiveHooks");
    add("lua.five_hooks_p50", five, "us", five / (5 * raw), "(vs 5x raw)", true);
    double cold = p50("LuaHookBenchmark.coldLoadAndRun");
    add("lua.cold_load_and_run_p50", cold, "us", cold / lua, "(vs warm)", true);

    double unsandboxed = p50("ProcessHookBenchmark.endToEnd[none]");
    double spawn = p50("ProcessHookBenchmark.bareSpawn[none]");
    add("process.unsandboxed_p50", unsandboxed, "ms", unsandboxed / spawn, "ratio <= 1.2 (vs bare spawn)",
        unsandboxed / spawn <= 1.2);
    double sandboxed = p50("ProcessHookBenchmark.endToEnd[bwrap]");
    double launch = p50("ProcessHookBenchmark.bareLaunch[bwrap]");
    add("process.sandboxed_p50", sandboxed, "ms", sandboxed / launch, "ratio <= 1.2 (vs bare bwrap launch)",
        sandboxed / launch <= 1.2);

    double events = score("AsyncBenchmark.fire");
    add("async.events_per_second", events, "ops/s", events / 100_000, ">= 100000", events >= 100_000);
    // Durable throughput beside the in-memory runner of the same run; the goals themselves are absolute.
    double sqlite = score("DurableBenchmark.events[sqlite]");
    add("durable.sqlite_events_per_second", sqlite, "ops/s", sqlite / events, ">= 1000 (ratio: vs memory)",
        sqlite >= 1_000);
    double postgres = score("DurableBenchmark.events[postgresql]");
    add("durable.postgresql_two_instances_events_per_second", postgres, "ops/s", postgres / events,
        ">= 5000 (ratio: vs memory)", postgres >= 5_000);
    for (String database : List.of("sqlite", "postgresql")) {
      double fire = score("DurableInsertBenchmark.fire[" + database + "]");
      double bare = score("DurableInsertBenchmark.bareInsert[" + database + "]");
      add("durable." + database + "_fire_cost", fire, "us", fire / bare, "ratio <= 1.5 (vs bare JDBC insert)",
          fire / bare <= 1.5);
    }

    double load = score("DiscoveryBenchmark.loadAll");
    add("discovery.load_1000_hooks", load, "ms", load / 1000, "<= 1000 ms", load <= 1000);
    double reload = score("DiscoveryBenchmark.reloadUnchanged");
    add("discovery.reload_unchanged_1000_hooks", reload, "ms", reload / 1000, "<= 1000 ms", reload <= 1000);

    double limited = score("SandboxBenchmark.limited");
    double unlimited = score("SandboxBenchmark.unlimited");
    add("sandbox.cpu_loop_limited", limited, "us", limited / unlimited, "ratio <= 1.25", limited / unlimited <= 1.25);
  }

  private double score(String benchmark) {
    return metric(benchmark).get("score").asDouble();
  }

  private double p50(String benchmark) {
    JsonNode percentiles = metric(benchmark).get("scorePercentiles");
    return percentiles != null && percentiles.has("50.0") ? percentiles.get("50.0").asDouble() : score(benchmark);
  }

  private JsonNode metric(String benchmark) {
    JsonNode metric = results.get(benchmark);
    if (metric == null) {
      throw new IllegalStateException("no result for " + benchmark + " in the JMH output");
    }
    return metric;
  }

  private void add(String name, double value, String unit, double ratio, String goal, boolean ok) {
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("name", name);
    metric.put("value", round(value));
    metric.put("unit", unit);
    metric.put("ratio", round(ratio));
    metric.put("goal", goal);
    metric.put("status", ok ? "ok" : "FAIL");
    metrics.add(metric);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String number(Object value) {
    return String.format(Locale.ROOT, "%.3f", (Double) value);
  }
}
