package dev.hookpoint.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookpoint.processor.model.ChangeShape;
import dev.hookpoint.processor.model.Field;
import dev.hookpoint.processor.model.HookPointModel;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Event>Event}: the typed input of a hook point, a record of the envelope and the method's
 * parameters (and result), which knows its wire form and how to merge a hook's changes.
 */
final class EventRecordWriter {

  private final GeneratedFiles files;
  private final WireClassWriter wireClasses;

  EventRecordWriter(GeneratedFiles files, WireClassWriter wireClasses) {
    this.files = files;
    this.wireClasses = wireClasses;
  }

  void write(HookPointModel point, Element origin) {
    String packageName = point.eventClass().packageName();
    PayloadEncoding encoding = new PayloadEncoding(packageName);
    TypeSpec.Builder record = TypeSpec.recordBuilder(point.eventClass())
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(RuntimeTypes.HOOK_EVENT)
        .addJavadoc(javadoc(point))
        .recordConstructor(canonicalConstructor(point))
        .addField(com.palantir.javapoet.FieldSpec.builder(String.class, "NAME",
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The event's name, and the directory its hooks live in.\n")
            .initializer("$S", point.eventName())
            .build())
        .addMethod(factory(point))
        .addMethod(MethodSpec.methodBuilder("event")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return NAME")
            .build())
        .addMethod(fields(point, encoding))
        .addMethod(writeTo(point, encoding))
        .addMethod(with(point));
    files.writeJava(packageName, record, point.source(), origin);
    wireClasses.writeFor(packageName, encoding, origin);
  }

  private static CodeBlock javadoc(HookPointModel point) {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("The {@code $L} event: what its hooks receive.\n", point.eventName());
    if (!point.description().isEmpty()) {
      doc.add("\n<p>$L\n", GeneratedFiles.javadocText(point.description()));
    }
    doc.add("\n<p>Generated from {@code $L}.\n\n", point.source())
        .add("@param timestamp when the event fired\n")
        .add("@param context who triggered the event and how hooks should behave\n");
    for (Field field : point.fields()) {
      String text = field.doc().isEmpty()
          ? "{@code " + field.wireName() + "} on the wire" : GeneratedFiles.javadocText(field.doc());
      doc.add("@param $L $L\n", field.javaName(), text);
    }
    return doc.build();
  }

  // public BeforeMediaAddedEvent { Objects.requireNonNull(timestamp, "timestamp"); ... }
  private static MethodSpec canonicalConstructor(HookPointModel point) {
    MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Instant.class, "timestamp")
        .addParameter(RuntimeTypes.HOOK_CONTEXT, "context");
    for (Field field : point.fields()) {
      constructor.addParameter(field.type().javaType(), field.javaName());
    }
    return constructor
        .addStatement("$T.requireNonNull(timestamp, $S)", Objects.class, "timestamp")
        .addStatement("$T.requireNonNull(context, $S)", Objects.class, "context")
        .build();
  }

  // public static BeforeMediaAddedEvent of(HookContext context, NewMedia media) { ... Instant.now() ... }
  private static MethodSpec factory(HookPointModel point) {
    MethodSpec.Builder factory = MethodSpec.methodBuilder("of")
        .addJavadoc("The event, fired now.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(point.eventClass())
        .addParameter(RuntimeTypes.HOOK_CONTEXT, "context");
    CodeBlock.Builder arguments = CodeBlock.builder().add("$T.now(), context", Instant.class);
    for (Field field : point.fields()) {
      factory.addParameter(ParameterSpec.builder(field.type().javaType(), field.javaName()).build());
      arguments.add(", $N", field.javaName());
    }
    return factory.addStatement("return new $T($L)", point.eventClass(), arguments.build()).build();
  }

  // public void writeFields(Map<String, Object> wire) { wire.put("media", ...); }
  private static MethodSpec fields(HookPointModel point, PayloadEncoding encoding) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("writeFields")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(RuntimeTypes.STRING_OBJECT_MAP, "wire");
    for (Field field : point.fields()) {
      method.addStatement("wire.put($S,$W$L)", field.wireName(),
          encoding.encode(field.type(), CodeBlock.of("$N", field.javaName())));
    }
    return method.build();
  }

  // public void writeTo(WireWriter out) { out.beginObject(null, 4); out.string("event", NAME); ... }
  private static MethodSpec writeTo(HookPointModel point, PayloadEncoding encoding) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("writeTo")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(RuntimeTypes.WIRE_WRITER, "out")
        .addStatement("out.beginObject(null, $L)", point.fields().size() + 3)
        .addStatement("out.string($S, NAME)", "event")
        .addStatement("out.string($S, timestamp.toString())", "timestamp");
    for (Field field : point.fields()) {
      method.addStatement(encoding.write(field.type(), field.wireName(), CodeBlock.of("$N", field.javaName())));
    }
    return method
        .addStatement("$T.write(out, $S, context.toWire())", RuntimeTypes.PLAIN_VALUES, "context")
        .addStatement("out.endObject()")
        .build();
  }

  // public BeforeMediaAddedEvent with(BeforeMediaAddedChanges changes) { return new ...(timestamp, context, ...); }
  private static MethodSpec with(HookPointModel point) {
    CodeBlock.Builder arguments = CodeBlock.builder().add("timestamp, context");
    for (Field field : point.fields()) {
      ChangeShape shape = point.changes().stream()
          .filter(change -> change.field().equals(field)).findFirst().orElse(null);
      if (shape == null) {
        arguments.add(", $N", field.javaName());
      } else if (shape instanceof ChangeShape.Partial) {
        arguments.add(",\nchanges.$1N() == null ? $1N : changes.$1N().applyTo($1N)", field.javaName());
      } else {
        arguments.add(",\nchanges.$1N() == null ? $1N : changes.$1N()", field.javaName());
      }
    }
    return MethodSpec.methodBuilder("with")
        .addJavadoc("This event with a hook's changes merged; this event is left as it is.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(point.eventClass())
        .addParameter(point.changesClass(), "changes")
        .addStatement("return new $T($L)", point.eventClass(), arguments.build())
        .build();
  }
}
