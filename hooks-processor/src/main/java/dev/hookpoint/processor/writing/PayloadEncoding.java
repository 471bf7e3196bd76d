package dev.hookpoint.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookpoint.processor.model.Field;
import dev.hookpoint.processor.model.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the expressions that turn host values into plain payload data, and one small private method per record
 * type, so that an event's {@code fields()} reads like a list of puts.
 */
final class PayloadEncoding {

  private final Map<ClassName, MethodSpec> recordEncoders = new LinkedHashMap<>();

  /** An expression of type {@code Object} encoding {@code value}, which has the given type. */
  CodeBlock encode(ValueType type, CodeBlock value, int depth) {
    if (type instanceof ValueType.Scalar scalar) {
      return scalar.kind().encodedAsText()
          ? CodeBlock.of("$T.text($L)", RuntimeTypes.WIRE_ENCODER, value) : value;
    }
    if (type instanceof ValueType.EnumValue) {
      return CodeBlock.of("$T.enumName($L)", RuntimeTypes.WIRE_ENCODER, value);
    }
    String item = depth == 0 ? "item" : "item" + (depth + 1);
    if (type instanceof ValueType.ListOf list) {
      return CodeBlock.of("$T.list($L, $L -> $L)", RuntimeTypes.WIRE_ENCODER, value, item,
          encode(list.element(), CodeBlock.of("$L", item), depth + 1));
    }
    if (type instanceof ValueType.MapOf map) {
      return CodeBlock.of("$T.map($L, $L -> $L)", RuntimeTypes.WIRE_ENCODER, value, item,
          encode(map.value(), CodeBlock.of("$L", item), depth + 1));
    }
    ValueType.RecordValue record = (ValueType.RecordValue) type;
    return CodeBlock.of("$N($L)", recordEncoder(record), value);
  }

  /** Adds the record encoders used so far to the type being written. */
  void addEncodersTo(TypeSpec.Builder type) {
    recordEncoders.values().forEach(type::addMethod);
  }

  // private static Map<String, Object> newMedia(NewMedia value) {
  //   if (value == null) return null;
  //   Map<String, Object> wire = new LinkedHashMap<>(4);
  //   wire.put("title", value.title());
  //   return wire;
  // }
  private MethodSpec recordEncoder(ValueType.RecordValue record) {
    MethodSpec existing = recordEncoders.get(record.javaType());
    if (existing != null) {
      return existing;
    }
    String name = "encode" + String.join("", record.javaType().simpleNames());
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(RuntimeTypes.STRING_OBJECT_MAP)
        .addParameter(record.javaType(), "value")
        .beginControlFlow("if (value == null)")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T wire = new $T<>($L)", RuntimeTypes.STRING_OBJECT_MAP, LinkedHashMap.class,
            capacity(record.components().size()));
    // Reserve the name before encoding components, which may need encoders of their own.
    recordEncoders.put(record.javaType(), MethodSpec.methodBuilder(name).build());
    for (Field component : record.components()) {
      method.addStatement("wire.put($S, $L)", component.wireName(),
          encode(component.type(), CodeBlock.of("value.$N()", component.javaName()), 0));
    }
    MethodSpec built = method.addStatement("return wire").build();
    recordEncoders.put(record.javaType(), built);
    return built;
  }

  /** A HashMap capacity that holds {@code size} entries without resizing. */
  static int capacity(int size) {
    return Math.max(2, (int) Math.ceil(size / 0.75));
  }

}
