package dev.hookpoint.runtime.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.executor.Invocation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of a process hook, built from nothing: none of the host's variables (and so none of its
 * secrets) reach a hook. A fixed safe {@code PATH}, {@code LANG}, {@code TZ}, a private {@code HOME}; the
 * envelope; every documented field of the event; and what the operator configured in {@code hooks.process.env}.
 */
final class HookEnvironment {

  static final String PATH = "/usr/local/bin:/usr/bin:/bin";

  private static final ObjectMapper JSON = new ObjectMapper();

  private HookEnvironment() {}

  static Map<String, String> of(Invocation invocation, Path home, Map<String, String> configured) {
    Map<String, Object> payload = invocation.payload();
    Map<String, String> environment = new HashMap<>(32);
    environment.put("PATH", PATH);
    environment.put("LANG", "C.UTF-8");
    environment.put("LC_ALL", "C.UTF-8");
    environment.put("TZ", "UTC");
    environment.put("HOME", home.toString());
    environment.put("TMPDIR", home.toString());
    environment.put("HOOK_EVENT", invocation.event());
    environment.put("HOOK_RUN_ID", invocation.runId());
    // Durable background runs carry their event's id, the same for every attempt; other runs are their own event.
    Map<?, ?> context = payload.get("context") instanceof Map<?, ?> map ? map : Map.of();
    environment.put("HOOK_EVENT_ID", String.valueOf(context.get("event_id") != null ? context.get("event_id")
        : invocation.runId()));
    environment.put("HOOK_ATTEMPT", String.valueOf(context.get("attempt") != null ? context.get("attempt") : 1));
    environment.put("HOOK_TIMESTAMP", String.valueOf(payload.getOrDefault("timestamp", "")));
    environment.put("HOOK_DRY_RUN", String.valueOf(invocation.dryRun()));
    if (context.get("user_id") != null) {
      environment.put("HOOK_USER_ID", String.valueOf(context.get("user_id")));
    }
    invocation.envVars().forEach((path, variable) -> {
      Object value = at(payload, path);
      if (value != null) {
        // An environment value cannot hold NUL; the exact text is still on stdin.
        environment.put(variable, text(value).replace("\0", ""));
      }
    });
    environment.putAll(configured);
    return environment;
  }

  private static Object at(Map<String, Object> payload, String path) {
    Object current = payload;
    for (String key : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  /** Scalars as text; lists and objects as JSON. */
  private static String text(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        return "";
      }
    }
    return String.valueOf(value);
  }
}
