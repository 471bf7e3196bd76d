package dev.hookpoint.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Builds the model from elements that validation has already accepted. */
public final class ModelFactory {

  private final Elements elements;
  private final Types types;
  private final Map<Element, Object> resolved = new HashMap<>();

  public ModelFactory(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * The method a sync after_ point's {@code persist} names: non-private, non-static, taking the result type and
   * returning it or void. {@code null} when the class has none.
   */
  public ExecutableElement persistMethod(ExecutableElement method, String persist) {
    TypeMirror result = method.getReturnType();
    TypeElement host = (TypeElement) method.getEnclosingElement();
    for (ExecutableElement candidate : ElementFilter.methodsIn(elements.getAllMembers(host))) {
      boolean fits = candidate.getSimpleName().contentEquals(persist)
          && !candidate.getModifiers().contains(Modifier.PRIVATE)
          && !candidate.getModifiers().contains(Modifier.STATIC)
          && candidate.getParameters().size() == 1
          && types.isSameType(candidate.getParameters().get(0).asType(), result)
          && (candidate.getReturnType().getKind() == TypeKind.VOID
              || types.isSameType(candidate.getReturnType(), result));
      if (fits) {
        return candidate;
      }
    }
    return null;
  }

  /** Whether a type in the method's signature is not compiled yet, so its class must wait a round. */
  public static boolean needsAnotherRound(ExecutableElement method) {
    return PayloadTypes.hasErrorType(method.getReturnType())
        || method.getParameters().stream().anyMatch(p -> PayloadTypes.hasErrorType(p.asType()));
  }

  /** A method parameter as a payload field, documented by the method's {@code @param}. */
  public Field parameter(VariableElement parameter) throws UnsupportedPayloadException {
    return once(parameter, () -> {
      ExecutableElement method = (ExecutableElement) parameter.getEnclosingElement();
      String name = parameter.getSimpleName().toString();
      String doc = Javadoc.parse(elements.getDocComment(method)).params().getOrDefault(name, "");
      return payloadTypes(method).parameter(parameter, doc);
    });
  }

  /** The payload type of a method's result. */
  public ValueType resultType(ExecutableElement method) throws UnsupportedPayloadException {
    return once(method, () -> payloadTypes(method)
        .resolve(method.getReturnType(), "the result of " + method.getSimpleName() + "()"));
  }

  private PayloadTypes payloadTypes(ExecutableElement method) {
    return new PayloadTypes(elements, elements.getPackageOf(method.getEnclosingElement()));
  }

  /** Something resolved from an element, or why it cannot be. */
  private interface Resolution<T> {
    T resolve() throws UnsupportedPayloadException;
  }

  // Validation and the model both ask for a parameter's payload type; resolving it once keeps a failure
  // reported once and the work done once.
  @SuppressWarnings("unchecked")
  private <T> T once(Element element, Resolution<T> resolution) throws UnsupportedPayloadException {
    Object known = resolved.get(element);
    if (known == null) {
      try {
        known = resolution.resolve();
      } catch (UnsupportedPayloadException e) {
        known = e;
      }
      resolved.put(element, known);
    }
    if (known instanceof UnsupportedPayloadException e) {
      throw e;
    }
    return (T) known;
  }

  /**
   * The field name of a method's result: the declared one, else the snake_case name of a record or enum return
   * type, else {@code null} (void, or a type that needs an explicit name).
   */
  public static String resultName(ExecutableElement method, DeclaredHookPoint declared) {
    TypeMirror returnType = method.getReturnType();
    if (returnType.getKind() == TypeKind.VOID) {
      return null;
    }
    if (!declared.result().isEmpty()) {
      return declared.result();
    }
    if (returnType instanceof DeclaredType type) {
      ElementKind kind = type.asElement().getKind();
      if (kind == ElementKind.RECORD || kind == ElementKind.ENUM) {
        return Names.snakeCase(type.asElement().getSimpleName().toString());
      }
    }
    return null;
  }

  /** Whether hooks of the point run in the background. */
  public static boolean isAsync(DeclaredHookPoint declared) {
    return declared.mode().equals("ASYNC")
        || (declared.mode().equals("DEFAULT") && declared.name().startsWith("on_"));
  }

  /** The model of one valid hook point of a method. */
  public HookPointModel hookPoint(ExecutableElement method, DeclaredHookPoint declared)
      throws UnsupportedPayloadException {
    TypeElement host = (TypeElement) method.getEnclosingElement();
    Javadoc doc = Javadoc.parse(elements.getDocComment(method));
    List<Field> fields = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      fields.add(parameter(parameter));
    }
    Field result = null;
    String resultName = resultName(method, declared);
    HookPointModel.Phase phase = HookPointModel.Phase.of(declared.name());
    if (resultName != null && phase != HookPointModel.Phase.BEFORE) {
      result = new Field(Names.lowerCamel(resultName), resultName, resultType(method), doc.returns(), false, null);
      fields.add(result);
    }
    boolean async = isAsync(declared);
    List<ChangeShape> changes = switch (phase) {
      case BEFORE -> ChangeShape.of(fields);
      case AFTER -> async || result == null ? List.of() : ChangeShape.of(List.of(result));
      case ON -> List.of();
    };
    String packageName = elements.getPackageOf(host).getQualifiedName().toString();
    String camel = Names.upperCamel(declared.name());
    String description = declared.description().isEmpty() ? doc.description() : declared.description();
    return new HookPointModel(declared.name(), phase, async, description, source(method), declared.timeoutMs(),
        ClassName.get(packageName, camel + "Event"), ClassName.get(packageName, camel + "Changes"),
        List.copyOf(fields), result, changes);
  }

  /**
   * The model of a class whose hook point methods validation accepted.
   *
   * @param earlier the points declared by classes modelled before, by event name: a method firing one of them
   *     uses that class's descriptor
   */
  public HookedClass hookedClass(
      TypeElement host, List<ExecutableElement> methods, Map<String, HookedMethod.PointUse> earlier) {
    ClassName hostName = ClassName.get(host);
    String flatName = String.join("_", hostName.simpleNames());
    ClassName catalog = ClassName.get(hostName.packageName(), flatName + "HookCatalog");
    Map<String, HookedMethod.PointUse> declaredHere = new LinkedHashMap<>();
    List<HookedMethod> hookedMethods = new ArrayList<>();
    for (ExecutableElement method : methods) {
      List<HookedMethod.PointUse> uses = new ArrayList<>();
      for (DeclaredHookPoint declared : DeclaredHookPoint.of(method)) {
        String name = declared.name();
        HookedMethod.PointUse known = declaredHere.getOrDefault(name, earlier.get(name));
        if (known == null) {
          known = new HookedMethod.PointUse(acceptedHookPoint(method, declared), catalog);
          declaredHere.put(name, known);
        }
        uses.add(known);
      }
      hookedMethods.add(hookedMethod(method, uses));
    }
    List<HookPointModel> declaredPoints =
        declaredHere.values().stream().map(HookedMethod.PointUse::point).toList();
    List<HookedClass.Constructor> constructors = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(host.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
        constructors.add(new HookedClass.Constructor(access(constructor), parameters(constructor),
            thrown(constructor), constructor.isVarArgs()));
      }
    }
    return new HookedClass(hostName,
        ClassName.get(hostName.packageName(), "Hooked" + flatName),
        catalog,
        host.getModifiers().contains(Modifier.PUBLIC),
        List.copyOf(constructors), List.copyOf(hookedMethods), declaredPoints);
  }

  private HookPointModel acceptedHookPoint(ExecutableElement method, DeclaredHookPoint declared) {
    try {
      return hookPoint(method, declared);
    } catch (UnsupportedPayloadException e) {
      throw new IllegalStateException("validation accepted a payload that does not resolve: " + e.getMessage(), e);
    }
  }

  private HookedMethod hookedMethod(ExecutableElement method, List<HookedMethod.PointUse> points) {
    return new HookedMethod(method.getSimpleName().toString(), access(method), TypeName.get(method.getReturnType()),
        parameters(method), thrown(method), method.isVarArgs(), List.copyOf(points), persist(method));
  }

  private HookedMethod.Persist persist(ExecutableElement method) {
    for (DeclaredHookPoint declared : DeclaredHookPoint.of(method)) {
      if (!declared.persist().isEmpty()) {
        ExecutableElement persist = persistMethod(method, declared.persist());
        return new HookedMethod.Persist(declared.persist(), persist.getReturnType().getKind() != TypeKind.VOID);
      }
    }
    return null;
  }

  /** {@code fixture.MediaService#add(NewMedia)}: how docs and catalogs name a method. */
  public static String source(ExecutableElement method) {
    StringJoiner parameters = new StringJoiner(", ", "(", ")");
    for (VariableElement parameter : method.getParameters()) {
      TypeMirror type = parameter.asType();
      parameters.add(type instanceof DeclaredType declared
          ? declared.asElement().getSimpleName().toString() : type.toString());
    }
    Element host = method.getEnclosingElement();
    return ((TypeElement) host).getQualifiedName() + "#" + method.getSimpleName() + parameters;
  }

  private static List<HookedMethod.Parameter> parameters(ExecutableElement executable) {
    List<HookedMethod.Parameter> parameters = new ArrayList<>();
    for (VariableElement parameter : executable.getParameters()) {
      parameters.add(new HookedMethod.Parameter(parameter.getSimpleName().toString(),
          TypeName.get(parameter.asType())));
    }
    return List.copyOf(parameters);
  }

  private static List<TypeName> thrown(ExecutableElement executable) {
    return executable.getThrownTypes().stream().map(TypeName::get).toList();
  }

  private static List<Modifier> access(Element element) {
    for (Modifier modifier : List.of(Modifier.PUBLIC, Modifier.PROTECTED)) {
      if (element.getModifiers().contains(modifier)) {
        return List.of(modifier);
      }
    }
    return List.of();
  }
}
