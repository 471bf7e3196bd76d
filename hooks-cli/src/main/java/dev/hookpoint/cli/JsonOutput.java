package dev.hookpoint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The JSON every {@code --json} option prints: one document, pretty, ending in a newline. */
final class JsonOutput {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper LINE = new ObjectMapper();

  private JsonOutput() {}

  static void print(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON text the runtime hands out (an event's example), to be printed as part of a document. */
  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value as one line of JSON, for text output. */
  static String text(Object value) {
    try {
      return LINE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  /** A JSON object as a map; empty when the text is not one. */
  static Map<String, Object> map(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject() ? LINE.convertValue(node, new TypeReference<Map<String, Object>>() {})
          : Map.of();
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  /** JSON text indented, for text output. */
  static String pretty(String json) {
    try {
      return JSON.writeValueAsString(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return json;
    }
  }
}
