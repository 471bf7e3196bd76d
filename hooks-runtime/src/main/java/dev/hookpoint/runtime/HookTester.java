package dev.hookpoint.runtime;

import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dry-runs one hook file on a payload, for the people who write hooks: what {@code hooks test} does, and what a
 * dashboard's "try it" button would do. The file is loaded on its own, outside the live registry, so a hook can be
 * tried before it is put in place; the run goes through the runtime's own runner, with its limits, and is recorded
 * in the run history as a dry run.
 *
 * <pre>{@code
 * RunRecord run = new HookTester(runtime).test(Path.of("hooks/before_media_added/10_tag.lua"), null, null);
 * }</pre>
 */
public final class HookTester {

  private final HookRuntime runtime;

  public HookTester(HookRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Runs {@code file} once as a dry run: the event's {@code context.dry_run} is {@code true}.
   *
   * @param file the hook file, anywhere
   * @param event the event, or {@code null} for the file's directory name
   * @param payload the event as hooks receive it, a JSON object, or {@code null} for the event's generated example
   * @return the run's record, as the history keeps it
   * @throws IllegalArgumentException when the event is not known (the message is {@link #unknownEvent}'s), or the
   *     payload is not a JSON object
   */
  public RunRecord test(Path file, String event, String payload) {
    String eventName = event != null ? event : String.valueOf(file.toAbsolutePath().getParent().getFileName());
    HookPointDescriptor<?, ?> point = runtime.hookPoint(eventName).orElseThrow(() -> new IllegalArgumentException(
        unknownEvent(eventName)));
    Map<String, Object> wire = new LinkedHashMap<>(Payloads.parse(payload != null ? payload : point.examplePayload()));
    wire.put("event", eventName);
    Map<String, Object> context = new LinkedHashMap<>();
    if (wire.get("context") instanceof Map<?, ?> given) {
      given.forEach((key, value) -> context.put(String.valueOf(key), value));
    }
    context.put("dry_run", true);
    wire.put("context", context);
    RegisteredHook hook = runtime.loader().loadOne(new HookFile(file, eventName, file.getFileName().toString()));
    return runtime.runner().run(point, hook, wire, true).record();
  }

  /** Why an event name is not known, with the closest known name ("did you mean ...?") when one is close. */
  public String unknownEvent(String name) {
    return UnknownEvent.message(name, runtime.eventNames());
  }
}
