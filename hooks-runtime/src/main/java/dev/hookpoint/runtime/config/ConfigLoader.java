package dev.hookpoint.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code config.yaml} strictly: unknown keys, wrong types and impossible limits stop the start with one
 * message that names each bad key, its value and the line (or environment variable) it came from. A missing file
 * means the defaults. Environment variables {@code HOOKPOINT_<PATH>} (e.g. {@code HOOKPOINT_HOOKS_DIRECTORY})
 * override single values, for containers.
 */
public final class ConfigLoader {

  /** Keys below these paths are the user's own, not ours. */
  private static final Set<String> FREE_FORM = Set.of("hooks.process.env", "hooks.on_error");

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  private ConfigLoader() {}

  /** Loads the file, or the defaults when it does not exist, then applies the environment's overrides. */
  public static HookpointConfig load(Path file, Map<String, String> environment) {
    return load(file, environment, Set.of());
  }

  /**
   * Loads the file as {@link #load(Path, Map)} does, leaving alone the top-level sections the host owns in the same
   * file ({@code hostSections}, e.g. the sample app's {@code database}); the host reads them with
   * {@link #hostSection}.
   */
  public static HookpointConfig load(Path file, Map<String, String> environment, Set<String> hostSections) {
    return parse(read(file), file == null ? "config.yaml" : file.toString(), environment, hostSections);
  }

  /** Parses YAML text; {@code source} names it in messages. */
  public static HookpointConfig parse(String yaml, String source, Map<String, String> environment) {
    return parse(yaml, source, environment, Set.of());
  }

  /**
   * One top-level section the host owns, as plain data (maps, lists, strings, numbers, booleans); empty when the
   * file or the section is missing.
   */
  public static Map<String, Object> hostSection(Path file, String name) {
    String source = file == null ? "config.yaml" : file.toString();
    JsonNode section = Optional.ofNullable(readTree(read(file), source, new Origins(source)))
        .map(root -> root.get(name)).orElse(null);
    if (section == null || section.isNull()) {
      return Map.of();
    }
    if (!section.isObject()) {
      throw new ConfigException(source + ": '" + name + "' must be a mapping of keys, got " + section);
    }
    return MAPPER.convertValue(section, new TypeReference<Map<String, Object>>() {});
  }

  /**
   * {@code base} with single values changed while the host runs, e.g. {@code hooks.default_timeout_ms} =
   * {@code "8000"}: each parsed as its key's type, then the whole checked by the same rules as the file.
   * {@code source} names where the values came from in messages (e.g. {@code "the dashboard"}).
   *
   * @throws ConfigException naming each bad key, its value and why, as the file's messages do
   */
  public static HookpointConfig withValues(HookpointConfig base, Map<String, String> values, String source) {
    Origins origins = new Origins(source);
    ObjectNode merged = MAPPER.valueToTree(base);
    List<String> problems = new ArrayList<>();
    values.forEach((key, text) -> {
      JsonNode parent = merged.at("/" + key.replace('.', '/').replaceAll("/[^/]*$", ""));
      String name = key.substring(key.lastIndexOf('.') + 1);
      JsonNode current = parent.isObject() ? parent.get(name) : null;
      if (current == null || current.isObject() || FREE_FORM.contains(key)) {
        problems.add(source + ": unknown key '" + key + "'");
        return;
      }
      origins.set(key, source);
      JsonNode value = text == null ? null : EnvironmentOverrides.parse(current, text.strip());
      if (value == null) {
        problems.add(source + ": '" + key + "' = '" + text + "' is not " + (current.isBoolean()
            ? "a boolean (true or false)" : current.isIntegralNumber() ? "a whole number" : "valid"));
      } else {
        ((ObjectNode) parent).set(name, value);
      }
    });
    return checked(merged, origins, problems);
  }

  private static String read(Path file) {
    if (file == null || !Files.exists(file)) {
      return "";
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static HookpointConfig parse(String yaml, String source, Map<String, String> environment,
      Set<String> hostSections) {
    Origins origins = new Origins(source);
    ObjectNode merged = MAPPER.valueToTree(HookpointConfig.defaults());
    List<String> problems = new ArrayList<>();
    JsonNode user = readTree(yaml, source, origins);
    if (user != null && !user.isMissingNode() && !user.isNull()) {
      if (!user.isObject()) {
        throw new ConfigException(source + ": the file must be a mapping of keys, like 'hooks:', got "
            + user.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
      }
      ((ObjectNode) user).remove(hostSections);
      merge(merged, user, "", origins, problems);
    }
    EnvironmentOverrides.apply(merged, environment, FREE_FORM, origins, problems);
    return checked(merged, origins, problems);
  }

  /** Binds the merged tree and checks it by the rules; every problem, earlier ones first, in one message. */
  private static HookpointConfig checked(ObjectNode merged, Origins origins, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
    HookpointConfig config = bind(merged, origins);
    problems.addAll(ConfigRules.check(config, origins));
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("\n", problems));
    }
    return config;
  }

  private static JsonNode readTree(String yaml, String source, Origins origins) {
    if (yaml.isBlank()) {
      return null;
    }
    try (JsonParser parser = YAML.createParser(yaml)) {
      recordLines(parser, origins);
    } catch (IOException e) {
      throw new ConfigException(source + ": not valid YAML: " + firstLine(e));
    }
    try {
      return MAPPER.readTree(YAML.createParser(yaml));
    } catch (IOException e) {
      throw new ConfigException(source + ": not valid YAML: " + firstLine(e));
    }
  }

  /** Remembers the line of every key, so that later errors can name it. */
  private static void recordLines(JsonParser parser, Origins origins) throws IOException {
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      if (token == JsonToken.FIELD_NAME) {
        origins.line(Origins.dotted(parser.getParsingContext().pathAsPointer().toString()),
            parser.currentTokenLocation().getLineNr());
      }
    }
  }

  private static void merge(ObjectNode target, JsonNode user, String path, Origins origins,
      List<String> problems) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = user.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JsonNode known = target.get(field.getKey());
      if (known == null) {
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        problems.add(origins.where(key) + ": unknown key '" + key + "'; the keys " + (path.isEmpty()
            ? "at the top level" : "under '" + path + "'") + " are " + String.join(", ", names));
      } else if (FREE_FORM.contains(key) || !known.isObject()) {
        target.set(field.getKey(), field.getValue());
      } else if (!field.getValue().isObject()) {
        problems.add(origins.where(key) + ": '" + key + "' must be a mapping of keys, got " + field.getValue());
      } else {
        merge((ObjectNode) known, field.getValue(), key, origins, problems);
      }
    }
  }

  private static HookpointConfig bind(ObjectNode merged, Origins origins) {
    try {
      return MAPPER.treeToValue(merged, HookpointConfig.class);
    } catch (JsonMappingException e) {
      StringBuilder key = new StringBuilder();
      for (JsonMappingException.Reference reference : e.getPath()) {
        if (reference.getFieldName() != null) {
          key.append(key.length() == 0 ? "" : ".").append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          key.append('[').append(reference.getIndex()).append(']');
        }
      }
      String path = key.toString();
      JsonNode value = merged.at("/" + path.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1"));
      throw new ConfigException(origins.where(path) + ": '" + path + "' = " + value + " is not " + expected(e));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String expected(JsonMappingException e) {
    String message = e.getOriginalMessage();
    if (message.contains("`boolean`") || message.contains("Boolean")) {
      return "a boolean (true or false)";
    }
    if (message.contains("`int`") || message.contains("`long`") || message.contains("Integer")
        || message.contains("Long")) {
      return "a whole number";
    }
    if (message.contains("WhenFull")) {
      return "one of: drop, caller_runs";
    }
    if (message.contains("SandboxKind")) {
      return "one of: auto, bwrap, none";
    }
    if (message.contains("OnError")) {
      return "one of: ignore, veto";
    }
    if (message.contains("String")) {
      return "text";
    }
    if (message.contains("List")) {
      return "a list";
    }
    return "of the right type";
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** Where each key was set: a line of the file, or an environment variable. */
  static final class Origins {
    private final String source;
    private final Map<String, String> places = new HashMap<>();

    Origins(String source) {
      this.source = source;
    }

    void line(String key, int line) {
      places.put(key, source + ":" + line);
    }

    void environment(String key, String variable) {
      places.put(key, "environment variable " + variable);
    }

    void set(String key, String place) {
      places.put(key, place);
    }

    /** Whether the file or the environment set the key. */
    boolean isSet(String key) {
      return places.containsKey(key);
    }

    /** Where a key was set; the file itself when it was not (a default). */
    String where(String key) {
      String place = places.get(key);
      return place != null ? place : source + " (default of " + key + ")";
    }

    static String dotted(String pointer) {
      return pointer.substring(1).replace('/', '.').replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
    }
  }
}
