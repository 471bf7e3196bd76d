package dev.hookpoint.processor.validation;

import dev.hookpoint.processor.model.DeclaredHookPoint;
import dev.hookpoint.processor.model.Field;
import dev.hookpoint.processor.model.FlatField;
import dev.hookpoint.processor.model.HookedMethod;
import dev.hookpoint.processor.model.ModelFactory;
import dev.hookpoint.processor.model.Names;
import dev.hookpoint.processor.model.UnsupportedPayloadException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Validates a class with {@code @HookPoint} methods: the class, then each method and its annotations, one rule at
 * a time, then the event names it shares with other methods. The only entry point of this package.
 */
public final class HookPointValidator {

  private static final Set<String> ENVELOPE = Set.of("event", "timestamp", "context");

  private final ModelFactory models;
  private final PersistValidator persistValidator;
  private final SharedEventValidator sharedEventValidator;

  public HookPointValidator(ModelFactory models) {
    this.models = models;
    this.persistValidator = new PersistValidator(models);
    this.sharedEventValidator = new SharedEventValidator(models);
  }

  /**
   * Validates a class and its hook point methods.
   *
   * @param earlier the points declared by classes already generated, by event name
   */
  public ValidationReport validate(
      TypeElement type, List<ExecutableElement> methods, Map<String, HookedMethod.PointUse> earlier) {
    ValidationReport report = new ValidationReport();
    List<ExecutableElement> unresolved = methods.stream().filter(ModelFactory::needsAnotherRound).toList();
    if (!unresolved.isEmpty()) {
      unresolved.forEach(method -> report.error(Messages.unresolved(method.getSimpleName().toString()), method));
      return report;
    }
    report.addAll(new ClassValidator().validate(type));
    methods.forEach(method -> report.addAll(validate(method)));
    if (report.isClean()) {
      // Comparing payloads needs every payload to resolve.
      sharedEventValidator.validate(methods, earlier, report);
    }
    return report;
  }

  /** A failure of the processor itself while generating for a class, reported on the class. */
  public static ValidationReport internalError(TypeElement type, RuntimeException e) {
    ValidationReport report = new ValidationReport();
    report.error(Messages.internal(type.getQualifiedName().toString(), e), type);
    return report;
  }

  private ValidationReport validate(ExecutableElement method) {
    ValidationReport report = new ValidationReport();
    for (Modifier modifier : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL, Modifier.ABSTRACT)) {
      if (method.getModifiers().contains(modifier)) {
        report.error(Messages.methodModifier(modifier.toString()), method);
      }
    }
    if (!method.getTypeParameters().isEmpty()) {
      // Its type variables would only repeat this error as unsupported payload types.
      report.error(Messages.genericMethod(), method);
      return report;
    }
    Set<String> seen = new HashSet<>();
    for (DeclaredHookPoint declared : DeclaredHookPoint.of(method)) {
      if (!seen.add(declared.name())) {
        report.error(Messages.duplicateOnMethod(declared.name()), method, declared.mirror(),
            declared.valueOf("value"));
      }
      validatePoint(method, declared, report);
    }
    warnAboutChangeableParameters(method, report);
    return report;
  }

  /** Parameters are changed only by before_ hooks; on any other method, {@code @Changeable} would do nothing. */
  private static void warnAboutChangeableParameters(ExecutableElement method, ValidationReport report) {
    List<String> events = DeclaredHookPoint.of(method).stream().map(DeclaredHookPoint::name).toList();
    if (events.isEmpty() || events.stream().anyMatch(event -> event.startsWith("before_"))) {
      return;
    }
    for (VariableElement parameter : method.getParameters()) {
      if (DeclaredHookPoint.isChangeable(parameter)) {
        report.warning(Messages.changeableHasNoEffect(parameter.getSimpleName().toString(),
            String.join(", ", events)), parameter);
      }
    }
  }

  private void validatePoint(ExecutableElement method, DeclaredHookPoint declared, ValidationReport report) {
    String name = declared.name();
    if (!Names.EVENT_NAME.matcher(name).matches()) {
      report.error(Messages.badEventName(name), method, declared.mirror(), declared.valueOf("value"));
      return;
    }
    AnnotationValue mode = declared.valueOf("mode");
    if (name.startsWith("before_") && declared.mode().equals("ASYNC")) {
      report.error(Messages.asyncBefore(name), method, declared.mirror(), mode);
    }
    if (name.startsWith("on_") && declared.mode().equals("SYNC")) {
      report.error(Messages.syncOn(name), method, declared.mirror(), mode);
    }
    validateResult(method, declared, report);
    persistValidator.validate(method, declared, report);
    validatePayload(method, declared, report);
  }

  private void validateResult(ExecutableElement method, DeclaredHookPoint declared, ValidationReport report) {
    String name = declared.name();
    AnnotationValue result = declared.valueOf("result");
    if (!declared.result().isEmpty()) {
      if (name.startsWith("before_")) {
        report.error(Messages.resultOnBefore(name), method, declared.mirror(), result);
      } else if (!Names.WIRE_NAME.matcher(declared.result()).matches()) {
        report.error(Messages.badResultName(declared.result()), method, declared.mirror(), result);
      }
    } else if (!name.startsWith("before_") && method.getReturnType().getKind() != TypeKind.VOID
        && ModelFactory.resultName(method, declared) == null) {
      report.error(Messages.unnamedResult(name, method.getReturnType().toString()), method, declared.mirror(),
          null);
    }
  }

  private void validatePayload(ExecutableElement method, DeclaredHookPoint declared, ValidationReport report) {
    String event = declared.name();
    Map<String, String> wireNames = new HashMap<>();
    Map<String, Field> resolved = new LinkedHashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      String origin = "parameter '" + parameter.getSimpleName() + "'";
      checkName(event, Names.snakeCase(parameter.getSimpleName().toString()), origin, wireNames, parameter, report);
      try {
        resolved.put(origin, models.parameter(parameter));
      } catch (UnsupportedPayloadException e) {
        report.error(Messages.unsupported(e), parameter);
      }
    }
    String resultName = ModelFactory.resultName(method, declared);
    if (resultName != null && !event.startsWith("before_")) {
      String origin = "the result of " + method.getSimpleName() + "()";
      checkName(event, resultName, origin, wireNames, method, report);
      try {
        resolved.put(origin, new Field("", resultName, models.resultType(method), "", false, null));
      } catch (UnsupportedPayloadException e) {
        report.error(Messages.unsupported(e), method);
      }
    }
    if (report.isClean()) {
      checkEnvironmentVariables(event, resolved, method, report);
    }
  }

  private static void checkName(String event, String wireName, String origin, Map<String, String> seen,
      Element element, ValidationReport report) {
    String earlier = seen.putIfAbsent(wireName, origin);
    if (ENVELOPE.contains(wireName)) {
      report.error(Messages.reservedName(wireName), element);
    } else if (earlier != null) {
      report.error(Messages.clashingNames(event, wireName, earlier, origin), element);
    }
  }

  /**
   * Process hooks read every leaf of the payload as {@code HOOK_<PATH>}, and distinct paths can meet there:
   * {@code order_id} and {@code order.id} are both {@code HOOK_ORDER_ID}.
   */
  private static void checkEnvironmentVariables(String event, Map<String, Field> fields, ExecutableElement method,
      ValidationReport report) {
    Map<String, String> seen = new HashMap<>();
    fields.forEach((origin, field) -> {
      for (FlatField leaf : FlatField.of(List.of(field), Set.of())) {
        if (leaf.envVar() == null) {
          continue;
        }
        String where = "'" + leaf.path() + "' (" + origin + ")";
        String earlier = seen.putIfAbsent(leaf.envVar(), where);
        if (earlier != null) {
          report.error(Messages.clashingEnvVars(event, leaf.envVar(), earlier, where), method);
        }
      }
    });
  }
}
