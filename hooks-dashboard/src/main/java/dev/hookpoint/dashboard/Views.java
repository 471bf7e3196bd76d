package dev.hookpoint.dashboard;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.InstalledHook;
import dev.hookpoint.runtime.ProcessSandbox;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.contract.FieldInfo;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.RunRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the JSON API answers: plain maps in snake_case, the shapes {@code docs/dashboard.md} shows. */
final class Views {

  private Views() {}

  static Map<String, Object> hook(HookRuntime runtime, InstalledHook hook) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", hook.id());
    view.put("event", hook.event());
    view.put("order", hook.order());
    view.put("name", hook.metadata().name());
    view.put("description", hook.metadata().description());
    view.put("author", hook.metadata().author());
    view.put("version", hook.metadata().version());
    view.put("executor", hook.executorName());
    view.put("sandbox", sandbox(runtime, hook));
    view.put("enabled", hook.enabled());
    view.put("loaded", hook.loaded());
    view.put("load_error", hook.loadError() == null ? null : HookError.of(hook.loadError()).toWire());
    view.put("metrics", runtime.metrics().of(hook.id()).toWire());
    return view;
  }

  /** The sandbox a process hook runs in ({@code bwrap}, {@code none}); {@code null} for other executors. */
  static String sandbox(HookRuntime runtime, InstalledHook hook) {
    return "process".equals(hook.executorName())
        ? runtime.processSandbox().map(ProcessSandbox::name).orElse(null) : null;
  }

  static Map<String, Object> run(RunRecord run) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("run_id", run.runId());
    view.put("hook", run.hookId());
    view.put("event", run.event());
    view.put("started_at", run.startedAt().toString());
    view.put("duration_ms", run.durationMicros() / 1000.0);
    view.put("status", run.status().wireName());
    view.put("dry_run", run.dryRun());
    view.put("modified", run.modified());
    view.put("changes", run.changes());
    view.put("message", run.message());
    view.put("error", run.error() == null ? null : run.error().toWire());
    view.put("logs", run.logs());
    return view;
  }

  static Map<String, Object> event(HookPointDescriptor<?, ?> point, List<InstalledHook> hooks) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", point.name());
    view.put("mode", point.mode());
    view.put("description", point.description());
    view.put("source", point.source());
    view.put("fields", point.fields().stream().map(Views::field).toList());
    view.put("changeable", point.changeableFields().stream().map(FieldInfo::path).toList());
    view.put("example_payload", point.examplePayload());
    view.put("hooks", hooks.stream().filter(hook -> hook.event().equals(point.name())).map(InstalledHook::id)
        .toList());
    return view;
  }

  private static Map<String, Object> field(FieldInfo field) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("path", field.path());
    view.put("type", field.type());
    view.put("doc", field.doc());
    view.put("changeable", field.changeable());
    return view;
  }

  /** The limits an operator tunes, by their configuration keys, as they are in effect. */
  static Map<String, Object> settings(HookpointConfig config) {
    HookpointConfig.Hooks hooks = config.hooks();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("hooks.default_timeout_ms", hooks.defaultTimeoutMs());
    view.put("hooks.process_timeout_ms", hooks.processTimeoutMs());
    view.put("hooks.max_timeout_ms", hooks.maxTimeoutMs());
    view.put("hooks.hot_reload", hooks.hotReload());
    view.put("hooks.max_file_bytes", hooks.maxFileBytes());
    view.put("hooks.async.pool_size", hooks.async().poolSize());
    view.put("hooks.async.queue_capacity", hooks.async().queueCapacity());
    view.put("hooks.async.when_full", hooks.async().whenFull().name().toLowerCase(java.util.Locale.ROOT));
    view.put("hooks.async.drain_timeout_ms", hooks.async().drainTimeoutMs());
    view.put("hooks.history.max_runs", hooks.history().maxRuns());
    view.put("hooks.history.max_log_lines", hooks.history().maxLogLines());
    view.put("hooks.history.max_log_line_length", hooks.history().maxLogLineLength());
    view.put("hooks.lua.max_instructions", hooks.lua().maxInstructions());
    view.put("hooks.lua.max_memory_bytes", hooks.lua().maxMemoryBytes());
    view.put("hooks.lua.max_call_depth", hooks.lua().maxCallDepth());
    view.put("hooks.lua.http.enabled", hooks.lua().http().enabled());
    view.put("hooks.lua.http.requests_per_minute", hooks.lua().http().requestsPerMinute());
    view.put("hooks.lua.http.max_response_bytes", hooks.lua().http().maxResponseBytes());
    view.put("hooks.process.max_concurrent", hooks.process().maxConcurrent());
    view.put("hooks.process.runs_per_minute", hooks.process().runsPerMinute());
    view.put("hooks.process.max_output_bytes", hooks.process().maxOutputBytes());
    view.put("hooks.process.kill_grace_ms", hooks.process().killGraceMs());
    view.put("hooks.process.sandbox", hooks.process().sandbox().name().toLowerCase(java.util.Locale.ROOT));
    view.put("hooks.process.network", hooks.process().network());
    view.put("hooks.process.max_memory_mb", hooks.process().maxMemoryMb());
    view.put("hooks.process.max_cpu_seconds", hooks.process().maxCpuSeconds());
    return view;
  }
}
