package dev.hookpoint.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @HookPoint} as written on a method, before validation. Keeps the annotation mirror so that errors
 * can point at the annotation and its values.
 *
 * @param name the event name as written
 * @param description the description, or empty
 * @param mode {@code DEFAULT}, {@code SYNC} or {@code ASYNC}
 * @param timeoutMs the default timeout, or {@code -1}
 * @param persist the persist method name, or empty
 * @param result the result's field name, or empty
 * @param mirror the annotation on the method
 */
public record DeclaredHookPoint(
    String name, String description, String mode, long timeoutMs, String persist, String result,
    AnnotationMirror mirror) {

  public static final String HOOK_POINT = "dev.hookpoint.annotations.HookPoint";
  public static final String HOOK_POINTS = "dev.hookpoint.annotations.HookPoints";
  /** The field annotations read beside {@code @HookPoint}, on parameters and record components. */
  public static final String CHANGEABLE = "dev.hookpoint.annotations.Changeable";

  /** Whether the host marked a parameter or record component {@code @Changeable}. */
  public static boolean isChangeable(Element element) {
    return element.getAnnotationMirrors().stream().anyMatch(mirror -> ((TypeElement) mirror.getAnnotationType()
        .asElement()).getQualifiedName().contentEquals(CHANGEABLE));
  }
  public static final String EXAMPLE = "dev.hookpoint.annotations.Example";

  /** The hook points of a method, direct or inside the {@code @HookPoints} container, in declaration order. */
  public static List<DeclaredHookPoint> of(ExecutableElement method) {
    List<DeclaredHookPoint> points = new ArrayList<>();
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String type = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      if (type.equals(HOOK_POINT)) {
        points.add(read(mirror));
      } else if (type.equals(HOOK_POINTS)) {
        for (AnnotationValue value : listValue(mirror, "value")) {
          points.add(read((AnnotationMirror) value.getValue()));
        }
      }
    }
    return points;
  }

  /** The value of an annotation element as written, for pointing errors at it; {@code null} if defaulted. */
  public AnnotationValue valueOf(String element) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(element)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static DeclaredHookPoint read(AnnotationMirror mirror) {
    return new DeclaredHookPoint(
        String.valueOf(value(mirror, "value")),
        String.valueOf(value(mirror, "description")),
        String.valueOf(value(mirror, "mode")),
        ((Number) value(mirror, "timeoutMs")).longValue(),
        String.valueOf(value(mirror, "persist")),
        String.valueOf(value(mirror, "result")),
        mirror);
  }

  private static Object value(AnnotationMirror mirror, String element) {
    // Defaults come from the annotation's declaration; a missing one means an annotation from another version.
    for (ExecutableElement method : javax.lang.model.util.ElementFilter.methodsIn(
        mirror.getAnnotationType().asElement().getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(element)) {
        AnnotationValue explicit = mirror.getElementValues().get(method);
        AnnotationValue value = explicit != null ? explicit : method.getDefaultValue();
        if (value != null) {
          Object raw = value.getValue();
          return raw instanceof javax.lang.model.element.VariableElement constant
              ? constant.getSimpleName().toString() : raw;
        }
      }
    }
    return element.equals("timeoutMs") ? -1L : "";
  }

  @SuppressWarnings("unchecked")
  private static List<? extends AnnotationValue> listValue(AnnotationMirror mirror, String element) {
    Object value = value(mirror, element);
    return value instanceof List<?> list ? (List<? extends AnnotationValue>) list : List.of();
  }
}
