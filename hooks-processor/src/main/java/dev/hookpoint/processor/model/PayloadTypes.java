package dev.hookpoint.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.hookpoint.processor.model.UnsupportedPayloadException.Reason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reduces declared Java types to payload {@link ValueType}s, or explains why a type cannot travel to a hook.
 * Payloads are trees of scalars, enums, {@code List}s, {@code Map<String, ?>}s and records.
 */
final class PayloadTypes {

  private static final Map<String, ScalarKind> SCALARS = Map.ofEntries(
      Map.entry("java.lang.String", ScalarKind.STRING),
      Map.entry("java.lang.Boolean", ScalarKind.BOOLEAN),
      Map.entry("java.lang.Byte", ScalarKind.BYTE),
      Map.entry("java.lang.Short", ScalarKind.SHORT),
      Map.entry("java.lang.Integer", ScalarKind.INT),
      Map.entry("java.lang.Long", ScalarKind.LONG),
      Map.entry("java.lang.Float", ScalarKind.FLOAT),
      Map.entry("java.lang.Double", ScalarKind.DOUBLE),
      Map.entry("java.math.BigDecimal", ScalarKind.DECIMAL),
      Map.entry("java.time.Instant", ScalarKind.INSTANT),
      Map.entry("java.time.LocalDate", ScalarKind.LOCAL_DATE),
      Map.entry("java.time.LocalDateTime", ScalarKind.LOCAL_DATE_TIME),
      Map.entry("java.time.OffsetDateTime", ScalarKind.OFFSET_DATE_TIME),
      Map.entry("java.util.UUID", ScalarKind.UUID_TEXT));

  private final Elements elements;
  private final PackageElement generatedPackage;
  private final Deque<String> recordsInProgress = new ArrayDeque<>();

  /**
   * @param generatedPackage where the generated code lives; types it uses must be visible from there
   */
  PayloadTypes(Elements elements, PackageElement generatedPackage) {
    this.elements = elements;
    this.generatedPackage = generatedPackage;
  }

  private static UnsupportedPayloadException unsupported(Reason reason, String where, TypeMirror type) {
    return new UnsupportedPayloadException(reason, where, type.toString(), "");
  }

  /** Whether the type, or a type inside it, is not compiled yet (another processor may generate it). */
  static boolean hasErrorType(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType declared) {
      return declared.getTypeArguments().stream().anyMatch(PayloadTypes::hasErrorType);
    }
    return false;
  }

  /**
   * The payload type of a declared type.
   *
   * @param where how the value is named in messages, e.g. {@code parameter 'media'}
   */
  ValueType resolve(TypeMirror type, String where) throws UnsupportedPayloadException {
    TypeKind kind = type.getKind();
    if (kind.isPrimitive()) {
      return primitive(type, where);
    }
    if (kind != TypeKind.DECLARED) {
      throw unsupported(Reason.NOT_A_PAYLOAD, where, type);
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    ScalarKind scalar = SCALARS.get(name);
    if (scalar != null) {
      return new ValueType.Scalar(scalar, scalar.boxed());
    }
    if (name.equals("java.util.List")) {
      return new ValueType.ListOf(resolveArgument(declared, 0, where + " (list element)"));
    }
    if (name.equals("java.util.Map")) {
      TypeMirror key = declared.getTypeArguments().get(0);
      if (!key.toString().equals("java.lang.String")) {
        throw unsupported(Reason.NON_STRING_KEYS, where, type);
      }
      return new ValueType.MapOf(resolveArgument(declared, 1, where + " (map value)"));
    }
    if (element.getKind() == ElementKind.ENUM) {
      checkVisible(element, where);
      List<String> constants = new ArrayList<>();
      for (Element member : element.getEnclosedElements()) {
        if (member.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(member.getSimpleName().toString());
        }
      }
      return new ValueType.EnumValue(ClassName.get(element), List.copyOf(constants));
    }
    if (element.getKind() == ElementKind.RECORD) {
      return record(element, declared, where);
    }
    throw unsupported(Reason.NOT_A_PAYLOAD, where, type);
  }

  private ValueType primitive(TypeMirror type, String where) throws UnsupportedPayloadException {
    ScalarKind kind = switch (type.getKind()) {
      case BOOLEAN -> ScalarKind.BOOLEAN;
      case BYTE -> ScalarKind.BYTE;
      case SHORT -> ScalarKind.SHORT;
      case INT -> ScalarKind.INT;
      case LONG -> ScalarKind.LONG;
      case FLOAT -> ScalarKind.FLOAT;
      case DOUBLE -> ScalarKind.DOUBLE;
      default -> throw unsupported(Reason.NOT_A_PAYLOAD, where, type);
    };
    return new ValueType.Scalar(kind, TypeName.get(type));
  }

  private ValueType resolveArgument(DeclaredType declared, int index, String where)
      throws UnsupportedPayloadException {
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    if (arguments.size() <= index) {
      throw unsupported(Reason.RAW_TYPE, where, declared);
    }
    TypeMirror argument = arguments.get(index);
    if (argument.getKind() == TypeKind.WILDCARD || argument.getKind() == TypeKind.TYPEVAR) {
      throw unsupported(Reason.WILDCARD, where, declared);
    }
    return resolve(argument, where);
  }

  private ValueType record(TypeElement element, DeclaredType declared, String where)
      throws UnsupportedPayloadException {
    String name = element.getQualifiedName().toString();
    if (!declared.getTypeArguments().isEmpty()) {
      throw unsupported(Reason.GENERIC_RECORD, where, declared);
    }
    if (recordsInProgress.contains(name)) {
      throw new UnsupportedPayloadException(Reason.RECURSIVE_RECORD, where, name, "");
    }
    checkVisible(element, where);
    recordsInProgress.push(name);
    try {
      Javadoc doc = Javadoc.parse(elements.getDocComment(element));
      List<Field> components = new ArrayList<>();
      for (RecordComponentElement component : element.getRecordComponents()) {
        String componentName = component.getSimpleName().toString();
        ValueType type = resolve(component.asType(), "record component '" + element.getSimpleName() + "."
            + componentName + "'");
        components.add(field(component, componentName, type, doc.params().getOrDefault(componentName, "")));
      }
      return new ValueType.RecordValue(ClassName.get(element), List.copyOf(components));
    } finally {
      recordsInProgress.pop();
    }
  }

  /** A method parameter as a payload field. */
  Field parameter(VariableElement parameter, String doc) throws UnsupportedPayloadException {
    String name = parameter.getSimpleName().toString();
    return field(parameter, name, resolve(parameter.asType(), "parameter '" + name + "'"), doc);
  }

  /** A field of a resolved type, with the {@code @Changeable} and {@code @Example} found on the element. */
  Field field(Element element, String javaName, ValueType type, String doc)
      throws UnsupportedPayloadException {
    String example = exampleValue(element);
    return new Field(javaName, Names.snakeCase(javaName), type, doc,
        DeclaredHookPoint.isChangeable(element),
        example == null ? null : Examples.toJson(type, example, javaName));
  }

  private void checkVisible(TypeElement element, String where) throws UnsupportedPayloadException {
    for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
      boolean isPublic = e.getModifiers().contains(Modifier.PUBLIC);
      boolean samePackage = elements.getPackageOf(e).equals(generatedPackage);
      if (e.getModifiers().contains(Modifier.PRIVATE) || (!isPublic && !samePackage)) {
        throw new UnsupportedPayloadException(Reason.NOT_VISIBLE, where, element.getQualifiedName().toString(),
            generatedPackage.getQualifiedName().toString());
      }
    }
  }

  private static AnnotationMirror annotation(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
        return mirror;
      }
    }
    return null;
  }

  private static String exampleValue(Element element) {
    AnnotationMirror mirror = annotation(element, DeclaredHookPoint.EXAMPLE);
    if (mirror == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return String.valueOf(entry.getValue().getValue());
      }
    }
    return null;
  }
}
