package dev.hookpoint.processor.writing;

import dev.hookpoint.processor.model.ChangeShape;
import dev.hookpoint.processor.model.Field;
import dev.hookpoint.processor.model.HookPointModel;
import dev.hookpoint.processor.model.Json;
import dev.hookpoint.processor.model.ScalarKind;
import dev.hookpoint.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the JSON Schemas (2020-12) of an event's payload and of what its hooks may return. */
final class JsonSchemas {

  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private static final String BASE = "https://hookpoint.dev/events/";

  private final Map<String, Object> definitions = new LinkedHashMap<>();

  /** {@code <event>.schema.json}: the event as hooks receive it. */
  static String payload(HookPointModel point) {
    JsonSchemas schemas = new JsonSchemas();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("event", Map.of("const", point.eventName()));
    properties.put("timestamp", Map.of("type", "string", "format", "date-time"));
    List<String> required = new ArrayList<>(List.of("event", "timestamp"));
    for (Field field : point.fields()) {
      properties.put(field.wireName(), schemas.describe(field, schemas.valueSchema(field.type(),
          field.type().nullable())));
      required.add(field.wireName());
    }
    properties.put("context", context());
    required.add("context");
    Map<String, Object> schema = header(point, ".schema.json", "The " + point.eventName() + " event");
    schema.put("type", "object");
    schema.put("required", required);
    schema.put("properties", properties);
    if (!schemas.definitions.isEmpty()) {
      schema.put("$defs", schemas.definitions);
    }
    return Json.pretty(schema) + "\n";
  }

  /** {@code <event>.result.schema.json}: what a hook of the event may return. */
  static String result(HookPointModel point) {
    JsonSchemas schemas = new JsonSchemas();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("modified", Map.of("type", "boolean", "description", "Whether the hook changed anything."));
    properties.put("changes", orEmpty(schemas.changesForms(point.changes())));
    properties.put("message", Map.of("type", List.of("string", "number", "boolean", "null"),
        "description", "Shown in the run history; a number or boolean is shown as text."));
    properties.put("metadata", orEmpty(Map.of("type", "object", "description", "Free-form data kept with the run.")));
    properties.put("halt", Map.of("type", List.of("boolean", "null"), "description",
        point.phase() == HookPointModel.Phase.BEFORE
            ? "Stop the chain and veto the action." : "Stop the chain; later hooks do not run."));
    Map<String, Object> schema = header(point, ".result.schema.json",
        "The result of a " + point.eventName() + " hook");
    // A hook that returns nothing changed nothing.
    schema.put("type", List.of("object", "null"));
    schema.put("properties", properties);
    schema.put("additionalProperties", false);
    if (!schemas.definitions.isEmpty()) {
      schema.put("$defs", schemas.definitions);
    }
    return Json.pretty(schema) + "\n";
  }

  /**
   * A table the runtime also takes as empty: {@code null}, and an empty list, which is how an empty Lua table
   * (or a script's {@code []}) reads.
   */
  private static Map<String, Object> orEmpty(Map<String, Object> schema) {
    return Map.of("anyOf", List.of(schema, Map.of("type", "array", "maxItems", 0), Map.of("type", "null")));
  }

  private static Map<String, Object> header(HookPointModel point, String suffix, String title) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", DIALECT);
    schema.put("$id", BASE + point.eventName() + suffix);
    schema.put("title", title);
    if (!point.description().isEmpty()) {
      schema.put("description", point.description());
    }
    return schema;
  }

  private static Map<String, Object> context() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("user_id", Map.of("type", List.of("integer", "null"),
        "description", "The user who triggered the event; null for background work."));
    properties.put("settings", Map.of("type", "object", "description", "Application settings for hooks."));
    properties.put("dry_run", Map.of("type", "boolean",
        "description", "True when the hook runs as a test; its changes are not applied."));
    properties.put("event_id", Map.of("type", "string", "description",
        "Durable background delivery only: the event's id, the same on every attempt, to deduplicate by."));
    properties.put("attempt", Map.of("type", "integer", "minimum", 1, "description",
        "Durable background delivery only: 1 on the first try, 2 on the first retry, and so on."));
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("type", "object");
    context.put("required", List.of("user_id", "settings", "dry_run"));
    context.put("properties", properties);
    return context;
  }

  /**
   * Every shape of {@code changes} the runtime accepts: the event's own, and the two kept for Mydia's hooks
   * ({@code compat.MydiaShapes} in the runtime): the one changeable value's keys at the top, and either form
   * wrapped in {@code data}.
   */
  private Map<String, Object> changesForms(List<ChangeShape> shapes) {
    definitions.put("changes", changes(shapes));
    List<Object> forms = new ArrayList<>(List.of(Map.of("$ref", "#/$defs/changes")));
    String description = "What to change, in the event's own shape";
    if (shapes.size() == 1 && shapes.get(0) instanceof ChangeShape.Partial only) {
      definitions.put("changes_shortcut", changes(only.components()));
      forms.add(Map.of("$ref", "#/$defs/changes_shortcut"));
      description += ", or with the keys of " + only.field().wireName() + " at the top";
    }
    if (shapes.stream().noneMatch(shape -> shape.field().wireName().equals("data"))) {
      Map<String, Object> wrapped = new LinkedHashMap<>();
      wrapped.put("type", "object");
      wrapped.put("required", List.of("data"));
      wrapped.put("properties", Map.of("data", Map.of("anyOf", List.copyOf(forms))));
      wrapped.put("additionalProperties", false);
      forms.add(wrapped);
      description += ", or wrapped in data";
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("description", description + ".");
    changes.put("anyOf", forms);
    return changes;
  }

  private Map<String, Object> changes(List<ChangeShape> shapes) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (ChangeShape shape : shapes) {
      Map<String, Object> value = shape instanceof ChangeShape.Partial partial
          ? changes(partial.components()) : valueSchema(shape.field().type(), false);
      properties.put(shape.field().wireName(), describe(shape.field(), value));
    }
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", "object");
    object.put("properties", properties);
    object.put("additionalProperties", false);
    return object;
  }

  private Map<String, Object> describe(Field field, Map<String, Object> schema) {
    if (!field.doc().isEmpty()) {
      Map<String, Object> described = new LinkedHashMap<>(schema);
      described.put("description", field.doc());
      return described;
    }
    return schema;
  }

  private Map<String, Object> valueSchema(ValueType type, boolean nullable) {
    Map<String, Object> schema = new LinkedHashMap<>();
    if (type instanceof ValueType.Scalar scalar) {
      schema.put("type", nullable ? List.of(scalar.kind().wireType(), "null") : scalar.kind().wireType());
      if (scalar.kind().format() != null) {
        schema.put("format", scalar.kind().format());
      }
      if (scalar.kind() == ScalarKind.INT) {
        schema.put("minimum", Integer.MIN_VALUE);
        schema.put("maximum", Integer.MAX_VALUE);
      }
      return schema;
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      List<Object> values = new ArrayList<>();
      enumValue.constants().forEach(constant -> values.add(constant.toLowerCase(Locale.ROOT)));
      if (nullable) {
        values.add(new Json.Raw("null"));
      }
      schema.put("enum", values);
      return schema;
    }
    if (type instanceof ValueType.ListOf list) {
      schema.put("type", nullable ? List.of("array", "null") : "array");
      schema.put("items", valueSchema(list.element(), false));
      return schema;
    }
    if (type instanceof ValueType.MapOf map) {
      schema.put("type", nullable ? List.of("object", "null") : "object");
      schema.put("additionalProperties", valueSchema(map.value(), false));
      return schema;
    }
    ValueType.RecordValue record = (ValueType.RecordValue) type;
    String name = String.join(".", record.javaType().simpleNames());
    if (!definitions.containsKey(name)) {
      definitions.put(name, Map.of());
      Map<String, Object> properties = new LinkedHashMap<>();
      List<String> required = new ArrayList<>();
      for (Field component : record.components()) {
        properties.put(component.wireName(),
            describe(component, valueSchema(component.type(), component.type().nullable())));
        required.add(component.wireName());
      }
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("type", "object");
      definition.put("required", required);
      definition.put("properties", properties);
      definitions.put(name, definition);
    }
    Map<String, Object> reference = Map.of("$ref", "#/$defs/" + name);
    if (nullable) {
      schema.put("anyOf", List.of(reference, Map.of("type", "null")));
      return schema;
    }
    return new LinkedHashMap<>(reference);
  }
}
