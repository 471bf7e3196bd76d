package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.Invocation;
import dev.hookpoint.runtime.executor.LoadedHook;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Loads and runs Lua hooks from real files with a real executor, as the runtime does. */
final class LuaHarness {

  /** What one run gave: a result, or a failure; and the log. */
  record Outcome(Object result, HookFailure failure, List<String> logs, long millis) {
    String category() {
      return failure == null ? "ok" : failure.category().wireName();
    }
  }

  final Path dir;
  final LuaExecutor executor;
  private int files;

  LuaHarness(Path dir, String luaYaml) {
    this.dir = dir;
    HookpointConfig config = ConfigLoader.parse("hooks:\n  lua:\n" + luaYaml.indent(4), "test.yaml", Map.of());
    this.executor = new LuaExecutor(config.hooks());
  }

  LuaHarness(Path dir) {
    this(dir, "max_instructions: 10000000");
  }

  Path write(String source) {
    return TestRuntime.writeFile(dir.resolve("after_media_added").resolve(String.format("%02d_hook.lua", ++files)),
        source);
  }

  LoadedHook load(String source) throws HookFailure {
    Path file = write(source);
    return executor.load(new HookFile(file, "after_media_added", file.getFileName().toString()),
        TestRuntime.read(file));
  }

  Outcome run(String source) {
    return run(source, event(), 2_000);
  }

  Outcome run(String source, Map<String, Object> payload, long timeoutMs) {
    HookLog log = new HookLog("after_media_added/test.lua", 100, 1000);
    long start = System.nanoTime();
    try {
      LoadedHook hook = load(source);
      return run(hook, payload, timeoutMs, log);
    } catch (HookFailure failure) {
      return new Outcome(null, failure, log.lines(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  Outcome run(LoadedHook hook, Map<String, Object> payload, long timeoutMs, HookLog log) {
    long start = System.nanoTime();
    Invocation invocation = new Invocation("r1", "after_media_added", payload, timeoutMs,
        start + TimeUnit.MILLISECONDS.toNanos(timeoutMs), false, log, Map.of());
    try {
      Object result = executor.run(hook, invocation);
      return new Outcome(result, null, log.lines(), (System.nanoTime() - start) / 1_000_000);
    } catch (HookFailure failure) {
      return new Outcome(null, failure, log.lines(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** The after_media_added event of the design's §7.1, as hooks receive it. */
  static Map<String, Object> event() {
    return Map.of(
        "event", "after_media_added",
        "timestamp", "2025-11-05T12:00:00Z",
        "media_item", Map.of("id", 123, "type", "tv_show", "title", "Attack on Titan", "tmdb_id", 1429,
            "year", 2013, "monitored", true),
        "context", Map.of("user_id", 1, "settings", Map.of(), "dry_run", false));
  }
}
