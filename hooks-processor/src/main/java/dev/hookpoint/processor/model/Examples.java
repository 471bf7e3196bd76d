package dev.hookpoint.processor.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Example values: the host's {@code @Example}s checked against their types, and defaults for the rest. */
public final class Examples {

  private Examples() {}

  /**
   * The host's example as JSON.
   *
   * @throws UnsupportedPayloadException when the example does not parse as the type
   */
  static String toJson(ValueType type, String example, String name) throws UnsupportedPayloadException {
    try {
      if (type instanceof ValueType.EnumValue enumValue) {
        for (String constant : enumValue.constants()) {
          if (constant.equalsIgnoreCase(example)) {
            return Json.quote(constant.toLowerCase(Locale.ROOT));
          }
        }
        throw new IllegalArgumentException("not a constant of " + enumValue.javaType().simpleName());
      }
      if (!(type instanceof ValueType.Scalar scalar)) {
        throw new UnsupportedPayloadException(
            UnsupportedPayloadException.Reason.EXAMPLE_NOT_SCALAR, name, type.docName(), example);
      }
      return switch (scalar.kind()) {
        case STRING -> Json.quote(example);
        case BOOLEAN -> switch (example) {
          case "true", "false" -> example;
          default -> throw new IllegalArgumentException("not true or false");
        };
        case BYTE, SHORT, INT, LONG -> Long.toString(Long.parseLong(example));
        case FLOAT, DOUBLE, DECIMAL -> new BigDecimal(example).toString();
        case INSTANT -> Json.quote(Instant.parse(example).toString());
        case LOCAL_DATE -> Json.quote(LocalDate.parse(example).toString());
        case LOCAL_DATE_TIME -> Json.quote(LocalDateTime.parse(example).toString());
        case OFFSET_DATE_TIME -> Json.quote(OffsetDateTime.parse(example).toString());
        case UUID_TEXT -> Json.quote(UUID.fromString(example).toString());
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new UnsupportedPayloadException(
          UnsupportedPayloadException.Reason.EXAMPLE_DOES_NOT_PARSE, name, type.docName(), example);
    }
  }

  /** An example of a field's value as a JSON tree: the host's own example, or a default for its type. */
  public static Object tree(Field field) {
    if (field.exampleJson() != null) {
      return new Json.Raw(field.exampleJson());
    }
    return tree(field.type(), field.wireName());
  }

  /** A default example of a type as a JSON tree, strings named after the field. */
  public static Object tree(ValueType type, String name) {
    if (type instanceof ValueType.Scalar scalar) {
      return scalar.kind() == ScalarKind.STRING
          ? "example " + name.replace('_', ' ')
          : new Json.Raw(scalar.kind().defaultExampleJson());
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      return enumValue.constants().isEmpty()
          ? new Json.Raw("null") : enumValue.constants().get(0).toLowerCase(Locale.ROOT);
    }
    if (type instanceof ValueType.ListOf list) {
      return List.of(tree(list.element(), name));
    }
    if (type instanceof ValueType.MapOf map) {
      return Map.of("key", tree(map.value(), name));
    }
    Map<String, Object> object = new LinkedHashMap<>();
    for (Field component : ((ValueType.RecordValue) type).components()) {
      object.put(component.wireName(), tree(component));
    }
    return object;
  }

  /**
   * An example of a whole event as hooks receive it: the envelope, the fields at the top level, the context.
   */
  public static Map<String, Object> event(HookPointModel point) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event", point.eventName());
    event.put("timestamp", "2025-11-05T12:00:00Z");
    for (Field field : point.fields()) {
      event.put(field.wireName(), tree(field));
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("user_id", new Json.Raw("1"));
    context.put("settings", Map.of());
    context.put("dry_run", new Json.Raw("false"));
    event.put("context", context);
    return event;
  }
}
