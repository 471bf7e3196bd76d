package dev.hookpoint.runtime.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.discovery.HeaderMetadata;
import dev.hookpoint.runtime.executor.HookExecutor;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.Invocation;
import dev.hookpoint.runtime.executor.LoadedHook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real executor for the runtime's tests: runs {@code .hook} files, each a header comment for metadata then
 * one JSON "script" of instructions, parsed once at load time:
 *
 * <pre>
 * # name: Appender
 * # timeout_ms: 200
 * {"append": "!", "log": ["hi"], "sleep_ms": 0, "fail": null, "result": null}
 * </pre>
 *
 * {@code append} returns a change of {@code media.title} to the current title plus the text (to see chaining);
 * {@code result} is returned as is; {@code sleep_ms} sleeps, honouring the deadline like every executor must;
 * {@code fail} is an execution error; {@code report_env_vars} returns the invocation's field-to-variable map as
 * the message; a first line {@code SYNTAX ERROR} is a load error on line 1; {@code wedge_when} makes a run whose
 * {@code media.title} equals it spin, deaf to its deadline, to cancellation and to interrupts, until
 * {@link #releaseWedged} (a hook the watchdog has to abandon); {@code append_to} appends a line
 * {@code title event_id attempt epoch_millis} to that file, as a hook with a side effect outside the runtime would,
 * for tests that count runs across processes and kills (cheaper than a process hook, which costs a fork and a scan
 * of the process table each run). It comes before the sleep: a hook killed in its sleep has had its effect, and
 * runs again, the duplicate at-least-once delivery allows.
 */
public final class ScriptExecutor implements HookExecutor {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs so far, for tests that count. */
  public final AtomicInteger runs = new AtomicInteger();
  /** Runs spinning in {@code wedge_when} now. */
  public final AtomicInteger wedged = new AtomicInteger();
  private volatile boolean released;

  /** Lets every wedged run return, so that tests leave no spinning thread behind. */
  public void releaseWedged() {
    released = true;
  }

  record Script(HookFile file, HookMetadata metadata, Map<String, Object> instructions) implements LoadedHook {}

  @Override
  public String name() {
    return "script";
  }

  @Override
  public boolean handles(Path file) {
    return file.getFileName().toString().endsWith(".hook");
  }

  @Override
  public LoadedHook load(HookFile file, byte[] content) throws HookFailure {
    try {
      List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
      if (!lines.isEmpty() && lines.get(0).contains("SYNTAX ERROR")) {
        throw HookFailure.loadError("syntax error near 'SYNTAX'", file.path().toString(), 1);
      }
      HookMetadata metadata = HeaderMetadata.parse(lines, file.fileName());
      String body = String.join("\n", lines.stream().filter(line -> !line.startsWith("#")).toList()).strip();
      @SuppressWarnings("unchecked")
      Map<String, Object> instructions = body.isEmpty() ? Map.of() : JSON.readValue(body, Map.class);
      return new Script(file, metadata, instructions);
    } catch (IOException | IllegalArgumentException e) {
      throw HookFailure.loadError(e.getMessage(), file.path().toString(), 1);
    }
  }

  /** One write of one line to a file opened for appending, so the lines of several threads never mix. */
  private static synchronized void append(Path file, Map<String, Object> payload) throws HookFailure {
    Map<?, ?> media = payload.get("media") instanceof Map<?, ?> map ? map : Map.of();
    Map<?, ?> context = payload.get("context") instanceof Map<?, ?> map ? map : Map.of();
    String line = media.get("title") + " " + context.get("event_id") + " " + context.get("attempt") + " "
        + System.currentTimeMillis() + "\n";
    try {
      Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw HookFailure.executionError("cannot append to " + file + ": " + e, file.toString(), 1);
    }
  }

  @Override
  public Object run(LoadedHook hook, Invocation invocation) throws HookFailure {
    runs.incrementAndGet();
    Map<String, Object> script = ((Script) hook).instructions();
    String file = hook.file().path().toString();
    for (Object line : (List<?>) script.getOrDefault("log", List.of())) {
      invocation.log().info(String.valueOf(line));
    }
    Object wedgeWhen = script.get("wedge_when");
    if (wedgeWhen != null && invocation.payload().get("media") instanceof Map<?, ?> media
        && wedgeWhen.equals(media.get("title"))) {
      wedged.incrementAndGet();
      while (!released) {
        Thread.onSpinWait();
      }
      wedged.decrementAndGet();
    }
    if (script.get("append_to") instanceof String target) {
      append(Path.of(target), invocation.payload());
    }
    Number sleep = (Number) script.get("sleep_ms");
    if (sleep != null) {
      long until = System.nanoTime() + sleep.longValue() * 1_000_000;
      while (System.nanoTime() < until) {
        if (invocation.remainingNanos() <= 0) {
          throw HookFailure.timeout("stopped after " + invocation.timeoutMs() + " ms", file);
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw HookFailure.timeout("interrupted", file);
        }
      }
    }
    if (script.get("fail") != null) {
      throw HookFailure.executionError(String.valueOf(script.get("fail")), file, 3);
    }
    if (script.containsKey("report_env_vars")) {
      return Map.of("message", String.valueOf(new java.util.TreeMap<>(invocation.envVars())));
    }
    if (script.containsKey("append")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> media = (Map<String, Object>) invocation.payload().get("media");
      Map<String, Object> changes = new LinkedHashMap<>();
      changes.put("media", Map.of("title", media.get("title") + String.valueOf(script.get("append"))));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("modified", true);
      result.put("changes", changes);
      if (Boolean.TRUE.equals(script.get("halt"))) {
        result.put("halt", true);
        result.put("message", "stopped here");
      }
      return result;
    }
    return script.get("result");
  }
}
