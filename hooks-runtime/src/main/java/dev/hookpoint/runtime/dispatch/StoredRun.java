package dev.hookpoint.runtime.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One (event, hook) as db-scheduler keeps it: the task instance's data, JSON text with the event's name, the hook's
 * id, the event id and the event's wire form (whose {@code context} carries {@code event_id}).
 *
 * @param event the event's name, e.g. {@code on_media_added}
 * @param hook the hook's id, e.g. {@code on_media_added/01_notify.lua}
 * @param eventId the same for every hook of the event and every attempt
 * @param payload the event as hooks see it
 */
record StoredRun(String event, String hook, String eventId, Map<String, Object> payload) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** The event's wire form with {@code context.event_id} added, as JSON text, written once for all its hooks. */
  static String payloadJson(Map<String, Object> wire, String eventId) {
    Map<String, Object> payload = new LinkedHashMap<>(wire);
    Map<String, Object> context = new LinkedHashMap<>();
    if (wire.get("context") instanceof Map<?, ?> given) {
      given.forEach((key, value) -> context.put(String.valueOf(key), value));
    }
    context.put("event_id", eventId);
    payload.put("context", context);
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the event's wire form is not JSON: " + e.getMessage(), e);
    }
  }

  /** The task's data: this run around the payload's JSON text. */
  static String data(String event, String hook, String eventId, String payloadJson) {
    try {
      return "{\"event\":" + JSON.writeValueAsString(event) + ",\"hook\":" + JSON.writeValueAsString(hook)
          + ",\"event_id\":" + JSON.writeValueAsString(eventId) + ",\"payload\":" + payloadJson + "}";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Reads a task's data back. */
  @SuppressWarnings("unchecked")
  static StoredRun parse(String data) {
    try {
      Map<String, Object> stored = JSON.readValue(data, MAP);
      return new StoredRun((String) stored.get("event"), (String) stored.get("hook"),
          (String) stored.get("event_id"), (Map<String, Object>) stored.get("payload"));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a stored background run is not JSON: " + e.getMessage(), e);
    }
  }

  /** Whether the event was fired in a dry run: its hooks' changes are reported, not applied. */
  boolean dryRun() {
    return payload.get("context") instanceof Map<?, ?> context && Boolean.TRUE.equals(context.get("dry_run"));
  }

  /** The payload for one attempt: its {@code context} says which ({@code attempt}, from 1). */
  @SuppressWarnings("unchecked")
  Map<String, Object> forAttempt(int attempt) {
    Map<String, Object> forAttempt = new LinkedHashMap<>(payload);
    Map<String, Object> context = new LinkedHashMap<>((Map<String, Object>) payload.getOrDefault("context", Map.of()));
    context.put("attempt", attempt);
    forAttempt.put("context", context);
    return forAttempt;
  }
}
