package dev.hookpoint.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The leaf types a payload can carry, with how each travels on the wire. The decoder names are methods of the
 * runtime's {@code WireDecoder}.
 */
public enum ScalarKind {
  STRING(ClassName.get(String.class), "string", "string", "string", "\"example\"", false),
  BOOLEAN(TypeName.BOOLEAN.box(), "boolean", "boolean", "bool", "true", false),
  BYTE(TypeName.BYTE.box(), "integer", "integer", "int8", "1", false),
  SHORT(TypeName.SHORT.box(), "integer", "integer", "int16", "1", false),
  INT(TypeName.INT.box(), "integer", "integer", "int32", "1", false),
  LONG(TypeName.LONG.box(), "integer", "integer", "int64", "1", false),
  FLOAT(TypeName.FLOAT.box(), "number", "number", "float32", "1.5", false),
  DOUBLE(TypeName.DOUBLE.box(), "number", "number", "float64", "1.5", false),
  DECIMAL(ClassName.get(BigDecimal.class), "number", "number", "decimal", "1.5", true),
  INSTANT(ClassName.get(Instant.class), "string", "string", "instant", "\"2025-11-05T12:00:00Z\"", true),
  LOCAL_DATE(ClassName.get(LocalDate.class), "string", "string", "localDate", "\"2025-11-05\"", true),
  LOCAL_DATE_TIME(ClassName.get(LocalDateTime.class), "string", "string", "localDateTime",
      "\"2025-11-05T12:00:00\"", true),
  OFFSET_DATE_TIME(ClassName.get(OffsetDateTime.class), "string", "string", "offsetDateTime",
      "\"2025-11-05T12:00:00Z\"", true),
  UUID_TEXT(ClassName.get(UUID.class), "string", "string", "uuid",
      "\"123e4567-e89b-12d3-a456-426614174000\"", true);

  private final TypeName boxed;
  private final String wireType;
  private final String luaType;
  private final String decoder;
  private final String defaultExampleJson;
  private final boolean encodedAsText;

  ScalarKind(TypeName boxed, String wireType, String luaType, String decoder, String defaultExampleJson,
      boolean encodedAsText) {
    this.boxed = boxed;
    this.wireType = wireType;
    this.luaType = luaType;
    this.decoder = decoder;
    this.defaultExampleJson = defaultExampleJson;
    this.encodedAsText = encodedAsText;
  }

  /** The boxed Java type, used in changes records where every value is optional. */
  public TypeName boxed() {
    return boxed;
  }

  /** The JSON Schema type: string, boolean, integer or number. */
  public String wireType() {
    return wireType;
  }

  /** The LuaLS type. */
  public String luaType() {
    return luaType;
  }

  /** The {@code WireDecoder} method that validates a hook's value of this kind. */
  public String decoder() {
    return decoder;
  }

  /** A JSON example when the host gave none. */
  public String defaultExampleJson() {
    return defaultExampleJson;
  }

  /** Whether the value travels as its {@code toString()} text (dates, UUIDs, decimals). */
  public boolean encodedAsText() {
    return encodedAsText;
  }

  /** The JSON Schema {@code format}, or {@code null}. */
  public String format() {
    return switch (this) {
      case INSTANT, OFFSET_DATE_TIME -> "date-time";
      case LOCAL_DATE -> "date";
      case UUID_TEXT -> "uuid";
      default -> null;
    };
  }
}
