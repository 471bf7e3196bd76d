package dev.hookpoint.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Event payloads as JSON: the generated examples, and payload files given to {@code hooks test}. */
final class Payloads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  /**
   * Parses a JSON object.
   *
   * @throws IllegalArgumentException when it is not one, naming the problem
   */
  static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage());
    }
  }
}
