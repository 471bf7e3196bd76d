package dev.hookpoint.runtime.config;

import java.util.ArrayList;
import java.util.List;

/** The limits a configuration must respect beyond its types: positive sizes, defaults within the maximum. */
final class ConfigRules {

  /** A hook is read into one array, and a few at once must fit in any heap. */
  private static final long MAX_FILE_BYTES = 1L << 30;

  private final ConfigLoader.Origins origins;
  private final List<String> problems = new ArrayList<>();

  private ConfigRules(ConfigLoader.Origins origins) {
    this.origins = origins;
  }

  static List<String> check(HookpointConfig config, ConfigLoader.Origins origins) {
    ConfigRules rules = new ConfigRules(origins);
    HookpointConfig.Hooks hooks = config.hooks();
    rules.notBlank("hooks.directory", hooks.directory());
    rules.positive("hooks.default_timeout_ms", hooks.defaultTimeoutMs());
    rules.positive("hooks.process_timeout_ms", hooks.processTimeoutMs());
    rules.positive("hooks.max_timeout_ms", hooks.maxTimeoutMs());
    rules.atMost("hooks.default_timeout_ms", hooks.defaultTimeoutMs(), "hooks.max_timeout_ms", hooks.maxTimeoutMs());
    rules.atMost("hooks.process_timeout_ms", hooks.processTimeoutMs(), "hooks.max_timeout_ms", hooks.maxTimeoutMs());
    rules.positive("hooks.max_file_bytes", hooks.maxFileBytes());
    rules.ceiling("hooks.max_file_bytes", hooks.maxFileBytes(), MAX_FILE_BYTES, "hooks are read into memory whole");
    rules.positive("hooks.async.pool_size", hooks.async().poolSize());
    rules.positive("hooks.async.threads", hooks.async().threads());
    rules.positive("hooks.async.queue_capacity", hooks.async().queueCapacity());
    rules.notNegative("hooks.async.retries", hooks.async().retries());
    rules.positive("hooks.async.retry_backoff_ms", hooks.async().retryBackoffMs());
    rules.positive("hooks.async.poll_interval_ms", hooks.async().pollIntervalMs());
    rules.positive("hooks.async.heartbeat_ms", hooks.async().heartbeatMs());
    rules.positive("hooks.async.max_pending", hooks.async().maxPending());
    rules.notNegative("hooks.async.drain_timeout_ms", hooks.async().drainTimeoutMs());
    rules.positive("hooks.history.max_runs", hooks.history().maxRuns());
    rules.positive("hooks.history.max_log_lines", hooks.history().maxLogLines());
    rules.positive("hooks.history.max_log_line_length", hooks.history().maxLogLineLength());
    rules.positive("hooks.lua.max_instructions", hooks.lua().maxInstructions());
    rules.positive("hooks.lua.max_memory_bytes", hooks.lua().maxMemoryBytes());
    rules.positive("hooks.lua.max_call_depth", hooks.lua().maxCallDepth());
    rules.notNegative("hooks.lua.http.requests_per_minute", hooks.lua().http().requestsPerMinute());
    rules.positive("hooks.lua.http.max_response_bytes", hooks.lua().http().maxResponseBytes());
    rules.positive("hooks.process.max_concurrent", hooks.process().maxConcurrent());
    rules.notNegative("hooks.process.runs_per_minute", hooks.process().runsPerMinute());
    rules.positive("hooks.process.max_output_bytes", hooks.process().maxOutputBytes());
    rules.notNegative("hooks.process.kill_grace_ms", hooks.process().killGraceMs());
    rules.positive("hooks.process.user", hooks.process().user());
    rules.positive("hooks.process.max_memory_mb", hooks.process().maxMemoryMb());
    rules.positive("hooks.process.max_processes", hooks.process().maxProcesses());
    rules.positive("hooks.process.max_cpu_seconds", hooks.process().maxCpuSeconds());
    rules.positive("hooks.process.max_file_mb", hooks.process().maxFileMb());
    rules.bothOrNeither("hooks.dashboard.user", hooks.dashboard().user(), "hooks.dashboard.password",
        hooks.dashboard().password());
    return rules.problems;
  }

  /** A user without a password (or the other way round) is a credential half written, not a lock. */
  private void bothOrNeither(String key, String value, String otherKey, String other) {
    if (value.isEmpty() != other.isEmpty()) {
      String set = value.isEmpty() ? otherKey : key;
      String missing = value.isEmpty() ? key : otherKey;
      problems.add(origins.where(set) + ": '" + set + "' is set but '" + missing + "' is empty; set both, or "
          + "neither");
    }
  }

  private void positive(String key, long value) {
    if (value <= 0) {
      problems.add(origins.where(key) + ": '" + key + "' = " + value + " must be greater than 0");
    }
  }

  private void notNegative(String key, long value) {
    if (value < 0) {
      problems.add(origins.where(key) + ": '" + key + "' = " + value + " must not be negative");
    }
  }

  /** Only a value the user set can be inverted; an untouched default is simply capped at run time. */
  private void atMost(String key, long value, String maxKey, long max) {
    if (origins.isSet(key) && value > 0 && max > 0 && value > max) {
      problems.add(origins.where(key) + ": '" + key + "' = " + value + " must not exceed '" + maxKey + "' = "
          + max + " (" + origins.where(maxKey) + ")");
    }
  }

  /** A fixed ceiling of whole GiB, whoever set the value. */
  private void ceiling(String key, long value, long max, String why) {
    if (value > max) {
      problems.add(origins.where(key) + ": '" + key + "' = " + value + " must not exceed " + max + " ("
          + (max >> 30) + " GiB): " + why);
    }
  }

  private void notBlank(String key, String value) {
    if (value == null || value.isBlank()) {
      problems.add(origins.where(key) + ": '" + key + "' must not be empty");
    }
  }
}
