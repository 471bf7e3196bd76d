package dev.hookpoint.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookpoint.processor.model.Field;
import dev.hookpoint.processor.model.ValueType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes one package-private {@code <Record>Wire} class per payload record type and package, the first time an
 * event there carries the record, so that every event encodes it through the same method.
 */
final class WireClassWriter {

  private final GeneratedFiles files;
  private final Set<ClassName> written = new HashSet<>();

  WireClassWriter(GeneratedFiles files) {
    this.files = files;
  }

  /** Writes the wire classes the encoding's expressions call that are not written yet, and those they call. */
  void writeFor(String packageName, PayloadEncoding encoding, Element origin) {
    Deque<ValueType.RecordValue> pending = new ArrayDeque<>(encoding.records());
    while (!pending.isEmpty()) {
      ValueType.RecordValue record = pending.pop();
      ClassName wireClass = PayloadEncoding.wireClass(packageName, record);
      if (written.add(wireClass)) {
        PayloadEncoding components = new PayloadEncoding(packageName);
        TypeSpec.Builder type = TypeSpec.classBuilder(wireClass)
            .addModifiers(Modifier.FINAL)
            .addJavadoc("How {@link $T} travels to hooks: its components by wire name.\n\n<p>As a map, or "
                + "written straight\nto an executor's own form.\n", record.javaType())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(encode(record, components))
            .addMethod(write(record, components));
        files.writeJava(packageName, type, record.javaType().canonicalName(), origin);
        pending.addAll(components.records());
      }
    }
  }

  // static Map<String, Object> encode(Library.NewMedia value) {
  //   if (value == null) {
  //     return null;
  //   }
  //   Map<String, Object> wire = new LinkedHashMap<>(4);
  //   wire.put("title", value.title());
  //   return wire;
  // }
  private static MethodSpec encode(ValueType.RecordValue record, PayloadEncoding components) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("encode")
        .addModifiers(Modifier.STATIC)
        .returns(RuntimeTypes.STRING_OBJECT_MAP)
        .addParameter(record.javaType(), "value")
        .beginControlFlow("if (value == null)")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T wire = new $T<>($L)", RuntimeTypes.STRING_OBJECT_MAP, LinkedHashMap.class,
            PayloadEncoding.capacity(record.components().size()));
    for (Field component : record.components()) {
      method.addStatement("wire.put($S,$W$L)", component.wireName(),
          components.encode(component.type(), CodeBlock.of("value.$N()", component.javaName())));
    }
    return method.addStatement("return wire").build();
  }

  // static void write(WireWriter out, String key, Library.NewMedia value) {
  //   if (value == null) {
  //     out.nullValue(key);
  //     return;
  //   }
  //   out.beginObject(key, 3);
  //   out.string("title", value.title());
  //   out.endObject();
  // }
  private static MethodSpec write(ValueType.RecordValue record, PayloadEncoding components) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("write")
        .addModifiers(Modifier.STATIC)
        .addParameter(RuntimeTypes.WIRE_WRITER, "out")
        .addParameter(String.class, "key")
        .addParameter(record.javaType(), "value")
        .beginControlFlow("if (value == null)")
        .addStatement("out.nullValue(key)")
        .addStatement("return")
        .endControlFlow()
        .addStatement("out.beginObject(key, $L)", record.components().size());
    for (Field component : record.components()) {
      method.addStatement(components.write(component.type(), component.wireName(),
          CodeBlock.of("value.$N()", component.javaName())));
    }
    return method.addStatement("out.endObject()").build();
  }
}
