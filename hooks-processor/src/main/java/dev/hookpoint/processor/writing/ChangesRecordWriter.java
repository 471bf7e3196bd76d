package dev.hookpoint.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookpoint.processor.model.ChangeShape;
import dev.hookpoint.processor.model.Field;
import dev.hookpoint.processor.model.HookPointModel;
import dev.hookpoint.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Event>Changes}: exactly what hooks of a point may change, every component optional
 * ({@code null} keeps the current value). Records that change in part get a nested {@code <Record>Changes} with
 * {@code applyTo}; {@code fromWire} validates a hook's {@code changes} into it.
 */
final class ChangesRecordWriter {

  private final GeneratedFiles files;

  ChangesRecordWriter(GeneratedFiles files) {
    this.files = files;
  }

  void write(HookPointModel point, Element origin) {
    new Writing(point).write(origin);
  }

  /** The state of writing one changes record: its nested types and decoders. */
  private final class Writing {
    private final HookPointModel point;
    private final ChangesDecoding decoding;
    private final Map<ChangeShape.Partial, ClassName> nestedNames = new LinkedHashMap<>();
    private final List<TypeSpec> nestedTypes = new ArrayList<>();

    Writing(HookPointModel point) {
      this.point = point;
      this.decoding = new ChangesDecoding(point.changesClass());
    }

    void write(Element origin) {
      List<ChangeShape> roots = point.changes();
      TypeSpec.Builder record = TypeSpec.recordBuilder(point.changesClass())
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(javadoc(roots))
          .recordConstructor(constructor(roots))
          .addField(keysField(roots))
          .addMethod(MethodSpec.methodBuilder("fromWire")
              .addJavadoc("Validates the {@code changes} a hook returned.\n\n")
              .addJavadoc("@throws $T naming the offending key, the expected type and the allowed keys\n",
                  RuntimeTypes.HOOK_DATA_EXCEPTION)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(point.changesClass())
              .addParameter(RuntimeTypes.WIRE_MAP, "changes")
              .addCode(fromWireBody(roots))
              .build())
          .addMethod(isEmpty(roots));
      nestedTypes.forEach(record::addType);
      decoding.addDecodersTo(record);
      files.writeJava(point.changesClass().packageName(), record, point.source(), origin);
    }

    // Map<String, ?> wire = WireDecoder.object(changes, WirePath.ROOT, KEYS); return new AfterMediaAddedChanges(...);
    private CodeBlock fromWireBody(List<ChangeShape> roots) {
      if (roots.isEmpty()) {
        return CodeBlock.builder()
            .addStatement("$T.object(changes, $T.ROOT, KEYS)", RuntimeTypes.WIRE_DECODER, RuntimeTypes.WIRE_PATH)
            .addStatement("return new $T()", point.changesClass())
            .build();
      }
      return CodeBlock.builder()
          .addStatement("$T wire = $T.object(changes, $T.ROOT, KEYS)", RuntimeTypes.WIRE_MAP,
              RuntimeTypes.WIRE_DECODER, RuntimeTypes.WIRE_PATH)
          .addStatement("return new $T($L)", point.changesClass(), decodeComponents(roots, true))
          .build();
    }

    private CodeBlock javadoc(List<ChangeShape> roots) {
      CodeBlock.Builder doc = CodeBlock.builder()
          .add("What hooks of {@code $L} may change", point.eventName());
      doc.add(roots.isEmpty() ? ": nothing,\nso any {@code changes} a hook returns is a data error.\n"
          : ".\nEvery component is optional; {@code null} keeps the current value.\n");
      doc.add("\n<p>Generated from {@code $L}.\n", point.source());
      if (!roots.isEmpty()) {
        doc.add("\n");
      }
      for (ChangeShape shape : roots) {
        doc.add("@param $L changes to {@code $L}, or {@code null}\n", shape.field().javaName(),
            shape.field().wireName());
      }
      return doc.build();
    }

    private MethodSpec constructor(List<ChangeShape> shapes) {
      MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
      for (ChangeShape shape : shapes) {
        constructor.addParameter(componentType(shape), shape.field().javaName());
      }
      return constructor.build();
    }

    private FieldSpec keysField(List<ChangeShape> shapes) {
      return FieldSpec.builder(RuntimeTypes.STRING_LIST, "KEYS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The keys hooks may use here.\n")
          .initializer(ChangesDecoding.keys(shapes.stream().map(shape -> shape.field().wireName()).toList()))
          .build();
    }

    private MethodSpec isEmpty(List<ChangeShape> shapes) {
      CodeBlock condition = shapes.isEmpty() ? CodeBlock.of("true") : shapes.stream()
          .map(shape -> CodeBlock.of("$N == null", shape.field().javaName()))
          .collect(CodeBlock.joining(" && "));
      return MethodSpec.methodBuilder("isEmpty")
          .addJavadoc("Whether these changes change nothing.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addStatement("return $L", condition)
          .build();
    }

    // wire.containsKey("title") ? WireDecoder.string(wire.get("title"), path.key("title")) : null
    private CodeBlock decodeComponents(List<ChangeShape> shapes, boolean topLevel) {
      CodeBlock.Builder arguments = CodeBlock.builder();
      String separator = "";
      for (ChangeShape shape : shapes) {
        String key = shape.field().wireName();
        CodeBlock path = topLevel
            ? CodeBlock.of("$T.ROOT.key($S)", RuntimeTypes.WIRE_PATH, key) : CodeBlock.of("path.key($S)", key);
        CodeBlock value = CodeBlock.of("wire.get($S)", key);
        CodeBlock decoded = shape instanceof ChangeShape.Partial partial
            ? CodeBlock.of("$T.fromWire($L,$W$L)", nestedName(partial), value, path)
            : decoding.decode(shape.field().type(), value, path, 0);
        arguments.add(separator);
        arguments.add(fitsOnALine(key, decoded)
            ? CodeBlock.of("\nwire.containsKey($S) ? $L : null", key, decoded)
            : CodeBlock.of("\nwire.containsKey($S)$>$>\n? $L\n: null$<$<", key, decoded));
        separator = ",";
      }
      return arguments.build();
    }

    // Whether "wire.containsKey(k) ? decoded : null" stays under about 110 characters once indented. toString()
    // spells runtime types out in full, where the source imports them, so their package is not counted.
    private static boolean fitsOnALine(String key, CodeBlock decoded) {
      String line = CodeBlock.of("wire.containsKey($S) ? $L : null", key, decoded).toString();
      return line.replace(RuntimeTypes.WIRE_DECODER.packageName() + ".", "").length() <= 96;
    }

    private TypeName componentType(ChangeShape shape) {
      return shape instanceof ChangeShape.Partial partial
          ? nestedName(partial) : shape.field().type().boxedType();
    }

    private ClassName nestedName(ChangeShape.Partial partial) {
      ChangeShape.Partial key = new ChangeShape.Partial(null, partial.record(), partial.components());
      ClassName existing = nestedNames.get(key);
      if (existing != null) {
        return existing;
      }
      String simple = partial.record().javaType().simpleName() + "Changes";
      long sameName = nestedNames.values().stream().filter(name -> name.simpleName().startsWith(simple)).count();
      ClassName name = point.changesClass().nestedClass(sameName == 0 ? simple : simple + (sameName + 1));
      nestedNames.put(key, name);
      nestedTypes.add(nestedRecord(partial, name));
      return name;
    }

    // public record MediaItemChanges(String qualityProfile, ...) { fromWire(...); applyTo(MediaItem base) }
    private TypeSpec nestedRecord(ChangeShape.Partial partial, ClassName name) {
      ClassName recordType = partial.record().javaType();
      CodeBlock.Builder doc = CodeBlock.builder()
          .add("Changes to a {@link $T}; {@code null} components keep their values.\n\n", recordType);
      for (ChangeShape shape : partial.components()) {
        doc.add("@param $L the new {@code $L}, or {@code null}\n", shape.field().javaName(),
            shape.field().wireName());
      }
      return TypeSpec.recordBuilder(name)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(doc.build())
          .recordConstructor(constructor(partial.components()))
          .addField(keysField(partial.components()))
          .addMethod(MethodSpec.methodBuilder("fromWire")
              .addModifiers(Modifier.STATIC)
              .returns(name)
              .addParameter(Object.class, "value")
              .addParameter(RuntimeTypes.WIRE_PATH, "path")
              .addStatement("$T wire = $T.object(value, path, KEYS)", RuntimeTypes.WIRE_MAP,
                  RuntimeTypes.WIRE_DECODER)
              .addStatement("return new $T($L)", name, decodeComponents(partial.components(), false))
              .build())
          .addMethod(applyTo(partial))
          .build();
    }

    private MethodSpec applyTo(ChangeShape.Partial partial) {
      ValueType.RecordValue record = partial.record();
      CodeBlock.Builder arguments = CodeBlock.builder();
      String separator = "";
      for (Field component : record.components()) {
        ChangeShape shape = partial.components().stream()
            .filter(change -> change.field().equals(component)).findFirst().orElse(null);
        CodeBlock value;
        if (shape == null) {
          value = CodeBlock.of("base.$N()", component.javaName());
        } else if (shape instanceof ChangeShape.Partial) {
          value = CodeBlock.of("$1N == null ? base.$1N() : $1N.applyTo(base.$1N())", component.javaName());
        } else {
          value = CodeBlock.of("$1N == null ? base.$1N() : $1N", component.javaName());
        }
        arguments.add("$L\n$L", separator, value);
        separator = ",";
      }
      return MethodSpec.methodBuilder("applyTo")
          .addJavadoc("{@code base} with these changes merged; an absent base stays absent.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(record.javaType())
          .addParameter(record.javaType(), "base")
          .beginControlFlow("if (base == null)")
          .addStatement("return null")
          .endControlFlow()
          .addStatement("return new $T($L)", record.javaType(), arguments.build())
          .build();
    }
  }
}
