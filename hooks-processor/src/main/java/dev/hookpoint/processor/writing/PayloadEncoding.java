package dev.hookpoint.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookpoint.processor.model.ValueType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the expressions that turn host values into plain payload data. Records go through their shared
 * {@code <Record>Wire} class, so that an event's {@code writeFields} reads like a list of puts; the records used
 * are collected for {@link WireClassWriter}.
 */
final class PayloadEncoding {

  private final String packageName;
  private final Map<ClassName, ValueType.RecordValue> records = new LinkedHashMap<>();

  /** @param packageName where the code using the expressions lives, and so its wire classes */
  PayloadEncoding(String packageName) {
    this.packageName = packageName;
  }

  /** The wire class of a record in a package, e.g. {@code LibraryMediaItemWire} for {@code Library.MediaItem}. */
  static ClassName wireClass(String packageName, ValueType.RecordValue record) {
    return ClassName.get(packageName, String.join("", record.javaType().simpleNames()) + "Wire");
  }

  /** The record types whose wire classes the expressions written so far call. */
  Collection<ValueType.RecordValue> records() {
    return records.values();
  }

  /** An expression of type {@code Object} encoding {@code value}, which has the given type. */
  CodeBlock encode(ValueType type, CodeBlock value) {
    return encode(type, value, 0);
  }

  private CodeBlock encode(ValueType type, CodeBlock value, int depth) {
    if (type instanceof ValueType.Scalar scalar) {
      return scalar.kind().encodedAsText() ? CodeBlock.of("$T.text($L)", RuntimeTypes.WIRE_ENCODER, value) : value;
    }
    if (type instanceof ValueType.EnumValue) {
      return CodeBlock.of("$T.enumName($L)", RuntimeTypes.WIRE_ENCODER, value);
    }
    if (type instanceof ValueType.ListOf list) {
      return container("list", list.element(), value, depth);
    }
    if (type instanceof ValueType.MapOf map) {
      return container("map", map.value(), value, depth);
    }
    return CodeBlock.of("$T.encode($L)", wireClass((ValueType.RecordValue) type), value);
  }

  /**
   * A statement writing {@code value}, of the given type, under {@code key} to the {@code WireWriter} named
   * {@code out}: records through their wire class's {@code write}, everything else as the plain value it encodes to.
   */
  CodeBlock write(ValueType type, String key, CodeBlock value) {
    if (type instanceof ValueType.RecordValue record) {
      return CodeBlock.of("$T.write(out, $S, $L)", wireClass(record), key, value);
    }
    if (type instanceof ValueType.EnumValue || type instanceof ValueType.Scalar scalar
        && (scalar.kind().encodedAsText() || scalar.kind() == dev.hookpoint.processor.model.ScalarKind.STRING)) {
      return CodeBlock.of("out.string($S,$W$L)", key, encode(type, value));
    }
    return CodeBlock.of("$T.write(out, $S,$W$L)", RuntimeTypes.PLAIN_VALUES, key, encode(type, value));
  }

  // WireEncoder.list(values), WireEncoder.list(values, WireEncoder::enumName),
  // WireEncoder.list(values, item -> WireEncoder.map(item, LibraryMediaItemWire::encode))
  private CodeBlock container(String method, ValueType element, CodeBlock value, int depth) {
    CodeBlock function;
    if (element instanceof ValueType.Scalar scalar) {
      if (!scalar.kind().encodedAsText()) {
        return CodeBlock.of("$T.$L($L)", RuntimeTypes.WIRE_ENCODER, method, value);
      }
      function = CodeBlock.of("$T::text", RuntimeTypes.WIRE_ENCODER);
    } else if (element instanceof ValueType.EnumValue) {
      function = CodeBlock.of("$T::enumName", RuntimeTypes.WIRE_ENCODER);
    } else if (element instanceof ValueType.RecordValue record) {
      function = CodeBlock.of("$T::encode", wireClass(record));
    } else {
      String item = depth == 0 ? "item" : "item" + (depth + 1);
      function = CodeBlock.of("$L -> $L", item, encode(element, CodeBlock.of("$L", item), depth + 1));
    }
    return CodeBlock.of("$T.$L($L,$W$L)", RuntimeTypes.WIRE_ENCODER, method, value, function);
  }

  private ClassName wireClass(ValueType.RecordValue record) {
    ClassName wireClass = wireClass(packageName, record);
    records.putIfAbsent(wireClass, record);
    return wireClass;
  }

  /** A HashMap capacity that holds {@code size} entries without resizing. */
  static int capacity(int size) {
    return Math.max(2, (int) Math.ceil(size / 0.75));
  }
}
