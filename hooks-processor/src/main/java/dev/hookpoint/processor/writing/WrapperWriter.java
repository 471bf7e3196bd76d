package dev.hookpoint.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookpoint.processor.model.ChangeShape;
import dev.hookpoint.processor.model.Field;
import dev.hookpoint.processor.model.HookPointModel;
import dev.hookpoint.processor.model.HookedClass;
import dev.hookpoint.processor.model.HookedMethod;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Hooked<Host>}: a subclass of the host that runs each hook point's chain around the real method.
 * When a point has no hook, its check is one volatile read and a branch, and nothing is allocated.
 */
final class WrapperWriter {

  private final GeneratedFiles files;

  WrapperWriter(GeneratedFiles files) {
    this.files = files;
  }

  void write(HookedClass hooked, Element origin) {
    Map<String, HookedMethod.PointUse> handles = new LinkedHashMap<>();
    for (HookedMethod method : hooked.methods()) {
      for (HookedMethod.PointUse use : method.points()) {
        handles.putIfAbsent(use.point().eventName(), use);
      }
    }
    TypeSpec.Builder wrapper = TypeSpec.classBuilder(hooked.wrapper())
        .superclass(hooked.host())
        .addJavadoc("{@link $T} with its hook points dispatched to user hooks through Hookpoint.\n\n", hooked.host())
        .addJavadoc("<p>Construct it in place of {@code $T}, passing the runtime's {@link $T} first.\n",
            hooked.host(), RuntimeTypes.HOOK_DISPATCHER);
    if (hooked.isPublic()) {
      wrapper.addModifiers(Modifier.PUBLIC);
    }
    for (HookedMethod.PointUse use : handles.values()) {
      wrapper.addField(FieldSpec.builder(handleType(use.point()), use.point().handleName(),
          Modifier.PRIVATE, Modifier.FINAL).build());
    }
    for (HookedClass.Constructor constructor : hooked.constructors()) {
      wrapper.addMethod(constructor(constructor, handles.values()));
    }
    for (HookedMethod method : hooked.methods()) {
      wrapper.addMethod(override(method));
    }
    files.writeJava(hooked.wrapper().packageName(), wrapper, hooked.host().canonicalName(), origin);
  }

  private static TypeName handleType(HookPointModel point) {
    return ParameterizedTypeName.get(RuntimeTypes.HOOK_POINT_HANDLE, point.eventClass(), point.changesClass());
  }

  // public HookedMediaService(HookDispatcher hooks, Database db) { super(db); this.beforeMediaAdded = ...; }
  private static MethodSpec constructor(HookedClass.Constructor constructor,
      Iterable<HookedMethod.PointUse> handles) {
    Set<String> names = new HashSet<>();
    constructor.parameters().forEach(parameter -> names.add(parameter.name()));
    String hooks = unusedName("hooks", names);
    MethodSpec.Builder method = MethodSpec.constructorBuilder()
        .addModifiers(constructor.modifiers())
        .addParameter(RuntimeTypes.HOOK_DISPATCHER, hooks)
        .addExceptions(constructor.thrown())
        .varargs(constructor.varargs());
    constructor.parameters().forEach(parameter -> method.addParameter(parameter.type(), parameter.name()));
    method.addStatement("super($L)", constructor.parameters().stream()
        .map(parameter -> CodeBlock.of("$N", parameter.name())).collect(CodeBlock.joining(",$W")));
    for (HookedMethod.PointUse use : handles) {
      method.addStatement("this.$N = $N.handle($T.$N)", use.point().handleName(), hooks, use.catalog(),
          CatalogWriter.constantName(use.point()));
    }
    return method.build();
  }

  private static MethodSpec override(HookedMethod hooked) {
    Set<String> taken = new HashSet<>();
    hooked.parameters().forEach(parameter -> taken.add(parameter.name()));
    MethodSpec.Builder method = MethodSpec.methodBuilder(hooked.name())
        .addAnnotation(Override.class)
        .addModifiers(hooked.modifiers())
        .returns(hooked.returnType())
        .addExceptions(hooked.thrown());
    hooked.parameters().forEach(parameter -> method.addParameter(parameter.type(), parameter.name()));

    for (HookedMethod.PointUse use : hooked.points()) {
      if (use.point().phase() == HookPointModel.Phase.BEFORE) {
        method.addCode(before(use.point(), taken));
      }
    }
    String arguments = String.join(", ", hooked.parameters().stream().map(HookedMethod.Parameter::name).toList());
    boolean hooksAfter = hooked.points().stream()
        .anyMatch(use -> use.point().phase() != HookPointModel.Phase.BEFORE);
    if (!hooksAfter) {
      method.addStatement("$Lsuper.$N($L)", hooked.isVoid() ? "" : "return ", hooked.name(), arguments);
      return method.build();
    }
    String result = hooked.isVoid() ? null : unusedName("result", taken);
    if (result == null) {
      method.addStatement("super.$N($L)", hooked.name(), arguments);
    } else {
      method.addStatement("$T $N = super.$N($L)", hooked.returnType(), result, hooked.name(), arguments);
    }
    for (HookedMethod.PointUse use : hooked.points()) {
      HookPointModel point = use.point();
      if (point.phase() == HookPointModel.Phase.AFTER && !point.async()) {
        method.addCode(afterSync(point, hooked, result, taken));
      }
    }
    for (HookedMethod.PointUse use : hooked.points()) {
      if (use.point().async()) {
        method.addCode(async(use.point(), result));
      }
    }
    if (result != null) {
      method.addStatement("return $N", result);
    }
    return method.build();
  }

  // if (beforeMediaAdded.isActive()) {
  //   BeforeMediaAddedEvent before = beforeMediaAdded.runSync(BeforeMediaAddedEvent.of(..., media));
  //   media = before.media();
  // }
  private static CodeBlock before(HookPointModel point, Set<String> taken) {
    String handle = point.handleName();
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("if ($N.isActive())", handle);
    if (point.changes().isEmpty()) {
      code.addStatement("$N.runSync($Z$L)", handle, newEvent(point, null));
    } else {
      String event = unusedName("before", taken);
      code.addStatement("$T $N = $N.runSync($Z$L)", point.eventClass(), event, handle, newEvent(point, null));
      for (ChangeShape shape : point.changes()) {
        code.addStatement("$N = $N.$N()", shape.field().javaName(), event, shape.field().javaName());
      }
    }
    return code.endControlFlow().build();
  }

  // if (afterMediaAdded.isActive()) {
  //   AfterMediaAddedEvent after = afterMediaAdded.runSync(AfterMediaAddedEvent.of(..., media, result));
  //   if (!Objects.equals(after.mediaItem(), result)) { result = update(after.mediaItem()); }
  // }
  private static CodeBlock afterSync(HookPointModel point, HookedMethod hooked, String result, Set<String> taken) {
    String handle = point.handleName();
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("if ($N.isActive())", handle);
    if (point.changes().isEmpty()) {
      code.addStatement("$N.runSync($Z$L)", handle, newEvent(point, result));
      return code.endControlFlow().build();
    }
    String event = unusedName("after", taken);
    Field changed = point.result();
    code.addStatement("$T $N = $N.runSync($Z$L)", point.eventClass(), event, handle, newEvent(point, result))
        .beginControlFlow("if (!$T.equals($N.$N(), $N))", Objects.class, event, changed.javaName(), result);
    HookedMethod.Persist persist = hooked.persist();
    if (persist == null) {
      code.addStatement("$N = $N.$N()", result, event, changed.javaName());
    } else if (persist.returnsValue()) {
      code.addStatement("$N = $N($N.$N())", result, persist.methodName(), event, changed.javaName());
    } else {
      code.addStatement("$N = $N.$N()", result, event, changed.javaName())
          .addStatement("$N($N)", persist.methodName(), result);
    }
    return code.endControlFlow().endControlFlow().build();
  }

  // if (onDownloadCompleted.isActive()) { onDownloadCompleted.fireAsync(OnDownloadCompletedEvent.of(...)); }
  private static CodeBlock async(HookPointModel point, String result) {
    return CodeBlock.builder()
        .beginControlFlow("if ($N.isActive())", point.handleName())
        .addStatement("$N.fireAsync($Z$L)", point.handleName(), newEvent(point, result))
        .endControlFlow()
        .build();
  }

  private static CodeBlock newEvent(HookPointModel point, String result) {
    CodeBlock.Builder arguments = CodeBlock.builder().add("$N.context()", point.handleName());
    for (Field parameter : point.parameters()) {
      arguments.add(",$W$N", parameter.javaName());
    }
    if (point.result() != null) {
      arguments.add(",$W$N", Objects.requireNonNull(result, "result"));
    }
    return CodeBlock.of("$T.of($L)", point.eventClass(), arguments.build());
  }

  private static String unusedName(String wanted, Set<String> taken) {
    String name = wanted;
    for (int i = 2; taken.contains(name); i++) {
      name = wanted + i;
    }
    taken.add(name);
    return name;
  }
}
