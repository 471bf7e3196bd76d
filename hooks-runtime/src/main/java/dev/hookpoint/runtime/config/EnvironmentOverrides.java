package dev.hookpoint.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code HOOKPOINT_HOOKS_DIRECTORY=/data/hooks} sets {@code hooks.directory}: one variable per configuration
 * value, named after its path. Values are parsed as the key's type; lists are comma-separated.
 */
final class EnvironmentOverrides {

  static final String PREFIX = "HOOKPOINT_";

  private EnvironmentOverrides() {}

  static void apply(ObjectNode config, Map<String, String> environment, Set<String> freeForm,
      ConfigLoader.Origins origins, List<String> problems) {
    walk(config, "", environment, freeForm, origins, problems);
  }

  private static void walk(ObjectNode node, String path, Map<String, String> environment, Set<String> freeForm,
      ConfigLoader.Origins origins, List<String> problems) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      if (freeForm.contains(key)) {
        continue;
      }
      if (field.getValue().isObject()) {
        walk((ObjectNode) field.getValue(), key, environment, freeForm, origins, problems);
        continue;
      }
      String variable = PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
      String text = environment.get(variable);
      if (text == null) {
        continue;
      }
      origins.environment(key, variable);
      JsonNode value = parse(field.getValue(), text.strip());
      if (value == null) {
        problems.add("environment variable " + variable + ": '" + key + "' = '" + text + "' is not "
            + (field.getValue().isBoolean() ? "a boolean (true or false)" : "a whole number"));
      } else {
        field.setValue(value);
      }
    }
  }

  /** {@code text} as a value of {@code current}'s type, or {@code null} when it is not one. */
  static JsonNode parse(JsonNode current, String text) {
    if (current.isBoolean()) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "true" -> BooleanNode.TRUE;
        case "false" -> BooleanNode.FALSE;
        default -> null;
      };
    }
    if (current.isIntegralNumber()) {
      try {
        return LongNode.valueOf(Long.parseLong(text));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (current.isArray()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (String item : text.split(",")) {
        if (!item.isBlank()) {
          list.add(item.strip());
        }
      }
      return list;
    }
    return TextNode.valueOf(text);
  }
}
