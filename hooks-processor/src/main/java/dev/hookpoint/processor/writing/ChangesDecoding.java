package dev.hookpoint.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookpoint.processor.model.Field;
import dev.hookpoint.processor.model.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the expressions that validate a hook's plain data into host types through the runtime's
 * {@code WireDecoder}, and one private method per record that must be decoded whole (records inside lists and
 * maps).
 */
final class ChangesDecoding {

  private final ClassName owner;
  private final Map<ClassName, MethodSpec> recordDecoders = new LinkedHashMap<>();

  /** @param owner the type the record decoders are added to */
  ChangesDecoding(ClassName owner) {
    this.owner = owner;
  }

  /** An expression decoding {@code value} found at {@code path} into the boxed form of the type. */
  CodeBlock decode(ValueType type, CodeBlock value, CodeBlock path, int depth) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.$L($L,$W$L)", RuntimeTypes.WIRE_DECODER, scalar.kind().decoder(), value, path);
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      return CodeBlock.of("$T.enumConstant($L,$W$L,$W$T.values())", RuntimeTypes.WIRE_DECODER, value, path,
          enumValue.javaType());
    }
    if (type instanceof ValueType.ListOf list) {
      return CodeBlock.of("$T.list($L,$W$L,$W$L)", RuntimeTypes.WIRE_DECODER, value, path,
          elementDecoder(list.element(), depth));
    }
    if (type instanceof ValueType.MapOf map) {
      return CodeBlock.of("$T.map($L,$W$L,$W$L)", RuntimeTypes.WIRE_DECODER, value, path,
          elementDecoder(map.value(), depth));
    }
    return CodeBlock.of("$N($L,$W$L)", recordDecoder((ValueType.RecordValue) type), value, path);
  }

  // WireDecoder::string, Changes::decodeSearchResult, (item, itemPath) -> WireDecoder.enumConstant(...)
  private CodeBlock elementDecoder(ValueType element, int depth) {
    if (element instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T::$L", RuntimeTypes.WIRE_DECODER, scalar.kind().decoder());
    }
    if (element instanceof ValueType.RecordValue record) {
      return CodeBlock.of("$T::$N", owner, recordDecoder(record));
    }
    String item = depth == 0 ? "item" : "item" + (depth + 1);
    String itemPath = item + "Path";
    return CodeBlock.of("($L, $L) -> $L", item, itemPath,
        decode(element, CodeBlock.of("$L", item), CodeBlock.of("$L", itemPath), depth + 1));
  }

  /** Adds the record decoders used so far to the type being written. */
  void addDecodersTo(TypeSpec.Builder type) {
    recordDecoders.values().forEach(type::addMethod);
  }

  // private static SearchResult decodeSearchResult(Object value, WirePath path) {
  //   Map<String, ?> wire = WireDecoder.object(value, path, List.of("title", "score"));
  //   return new SearchResult(wire.get("title") == null ? null : WireDecoder.string(...), ...);
  // }
  private MethodSpec recordDecoder(ValueType.RecordValue record) {
    MethodSpec existing = recordDecoders.get(record.javaType());
    if (existing != null) {
      return existing;
    }
    String name = "decode" + String.join("", record.javaType().simpleNames());
    recordDecoders.put(record.javaType(), MethodSpec.methodBuilder(name).build());
    CodeBlock.Builder arguments = CodeBlock.builder();
    String separator = "";
    for (Field component : record.components()) {
      CodeBlock componentPath = CodeBlock.of("path.key($S)", component.wireName());
      CodeBlock present = CodeBlock.of("$T.require(wire, $S, path)", RuntimeTypes.WIRE_DECODER,
          component.wireName());
      CodeBlock decoded = component.type().nullable()
          ? CodeBlock.of("wire.get($1S) == null ? null : $2L", component.wireName(),
              decode(component.type(), CodeBlock.of("wire.get($S)", component.wireName()), componentPath, 0))
          : decode(component.type(), present, componentPath, 0);
      arguments.add("$L\n$L", separator, decoded);
      separator = ",";
    }
    MethodSpec built = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record.javaType())
        .addParameter(Object.class, "value")
        .addParameter(RuntimeTypes.WIRE_PATH, "path")
        .addStatement("$T wire = $T.object(value, path, $L)", RuntimeTypes.WIRE_MAP, RuntimeTypes.WIRE_DECODER,
            keys(record.components().stream().map(Field::wireName).toList()))
        .addStatement("return new $T($L)", record.javaType(), arguments.build())
        .build();
    recordDecoders.put(record.javaType(), built);
    return built;
  }

  /** {@code List.of("a", "b")}. */
  static CodeBlock keys(List<String> keys) {
    return CodeBlock.of("$T.of($L)", List.class,
        keys.stream().map(key -> CodeBlock.of("$S", key)).collect(CodeBlock.joining(",$W")));
  }
}
