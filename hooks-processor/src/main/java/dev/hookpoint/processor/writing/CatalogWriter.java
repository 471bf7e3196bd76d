package dev.hookpoint.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.hookpoint.processor.model.Examples;
import dev.hookpoint.processor.model.FlatField;
import dev.hookpoint.processor.model.HookPointModel;
import dev.hookpoint.processor.model.HookedClass;
import dev.hookpoint.processor.model.Json;
import dev.hookpoint.processor.model.Names;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Host>HookCatalog}: one descriptor constant per hook point the host declares, found by the
 * runtime through {@link java.util.ServiceLoader}.
 */
final class CatalogWriter {

  private final GeneratedFiles files;

  CatalogWriter(GeneratedFiles files) {
    this.files = files;
  }

  /** The catalog constant of a point, e.g. {@code BEFORE_MEDIA_ADDED}. */
  static String constantName(HookPointModel point) {
    return Names.constant(point.eventName());
  }

  void write(HookedClass hooked, Element origin) {
    TypeSpec.Builder catalog = TypeSpec.classBuilder(hooked.catalog())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(RuntimeTypes.HOOK_CATALOG)
        .addJavadoc("The hook points declared by {@link $T}, for the Hookpoint runtime.\n\n", hooked.host())
        .addJavadoc("<p>Registered in {@code META-INF/services/$L}.\n", RuntimeTypes.HOOK_CATALOG.canonicalName());
    for (HookPointModel point : hooked.declaredPoints()) {
      catalog.addField(descriptor(point));
    }
    TypeName anyDescriptor = ParameterizedTypeName.get(RuntimeTypes.HOOK_POINT_DESCRIPTOR,
        WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class));
    catalog.addMethod(MethodSpec.methodBuilder("hookPoints")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(com.palantir.javapoet.ClassName.get(List.class), anyDescriptor))
        .addStatement("return $T.of($L)", List.class, hooked.declaredPoints().stream()
            .map(point -> CodeBlock.of("$N", constantName(point))).collect(CodeBlock.joining(",$W")))
        .build());
    files.writeJava(hooked.catalog().packageName(), catalog, hooked.host().canonicalName(), origin);
  }

  // public static final HookPointDescriptor<E, C> BEFORE_MEDIA_ADDED =
  //     HookPointDescriptor
  //         .builder("before_media_added", E.class, C.class)
  //         .source("fixture.MediaService#add(NewMedia)")
  //         .fields(
  //             FieldInfo.of("media.type", "string").envVar("HOOK_MEDIA_TYPE"), ...)
  //         .examplePayload("{\"event\":\"before_media_added\",..."
  //             + "...}")
  //         .changes(C::fromWire, E::with)
  //         .build();
  // Properties at the builder's defaults (sync, no description, no timeout) are left out.
  private static FieldSpec descriptor(HookPointModel point) {
    // The chain starts on its own line below the long declaration, and its calls one level deeper.
    CodeBlock.Builder initializer = CodeBlock.builder()
        .indent().indent()
        .add("\n$T", RuntimeTypes.HOOK_POINT_DESCRIPTOR)
        .indent().indent()
        .add("\n.builder($S,$W$T.class,$W$T.class)", point.eventName(), point.eventClass(),
            point.changesClass());
    if (point.async()) {
      initializer.add("\n.async(true)");
    }
    if (!point.description().isEmpty()) {
      initializer.add("\n.description($L)", LongStrings.text(point.description()));
    }
    initializer.add("\n.source($S)", point.source());
    if (point.timeoutMs() != -1) {
      initializer.add("\n.timeoutMs($L)", point.timeoutMs() + "L");
    }
    initializer
        .add("\n.fields($>$>$L$<$<)", fields(point))
        .add("\n.examplePayload($L)", LongStrings.json(Json.compact(Examples.event(point))))
        .add("\n.changes($T::fromWire, $T::with)", point.changesClass(), point.eventClass())
        .add("\n.build()")
        .unindent().unindent().unindent().unindent();
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.HOOK_POINT_DESCRIPTOR, point.eventClass(), point.changesClass()),
            constantName(point), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", GeneratedFiles.javadocText("{@code " + point.eventName() + "}: "
            + (point.description().isEmpty() ? "see the generated docs." : point.description())))
        .initializer(initializer.build())
        .build();
  }

  // FieldInfo.of("media.type", "string").doc("...").envVar("HOOK_MEDIA_TYPE").changeableByHooks()
  private static CodeBlock fields(HookPointModel point) {
    CodeBlock.Builder fields = CodeBlock.builder();
    String separator = "";
    for (FlatField field : FlatField.of(point)) {
      fields.add("$L\n$T.of($S, $S)", separator, RuntimeTypes.FIELD_INFO, field.path(),
          field.field().type().docName());
      if (!field.field().doc().isEmpty()) {
        fields.add("$Z.doc($S)", field.field().doc());
      }
      if (field.envVar() != null) {
        fields.add("$Z.envVar($S)", field.envVar());
      }
      if (field.changeable()) {
        fields.add("$Z.changeableByHooks()");
      }
      separator = ",";
    }
    return fields.build();
  }
}
