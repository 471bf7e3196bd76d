package dev.hookpoint.processor.validation;

import dev.hookpoint.processor.model.DeclaredHookPoint;
import dev.hookpoint.processor.model.ModelFactory;
import dev.hookpoint.processor.model.Names;
import dev.hookpoint.processor.model.PayloadTypes;
import dev.hookpoint.processor.model.UnsupportedPayloadException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/** Validates one {@code @HookPoint} method and its annotations, one rule at a time. */
public final class HookPointValidator {

  private static final Set<String> ENVELOPE = Set.of("event", "timestamp", "context");

  private final Elements elements;
  private final PersistValidator persistValidator;

  public HookPointValidator(Elements elements, ModelFactory models) {
    this.elements = elements;
    this.persistValidator = new PersistValidator(models);
  }

  /** Validates the method; its class is validated separately by {@link ClassValidator}. */
  public ValidationReport validate(ExecutableElement method) {
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
    return report;
  }

  /** Whether a type in the method's signature is not compiled yet, so validation must wait a round. */
  public static boolean needsAnotherRound(ExecutableElement method) {
    return PayloadTypes.hasErrorType(method.getReturnType())
        || method.getParameters().stream().anyMatch(p -> PayloadTypes.hasErrorType(p.asType()));
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
    PayloadTypes payloadTypes =
        new PayloadTypes(elements, elements.getPackageOf(method.getEnclosingElement()));
    Set<String> wireNames = new HashSet<>();
    for (VariableElement parameter : method.getParameters()) {
      checkName(Names.snakeCase(parameter.getSimpleName().toString()), wireNames, parameter, report);
      try {
        payloadTypes.parameter(parameter, "");
      } catch (UnsupportedPayloadException e) {
        report.error(Messages.unsupported(e.getMessage()), parameter);
      }
    }
    String resultName = ModelFactory.resultName(method, declared);
    if (resultName != null && !declared.name().startsWith("before_")) {
      checkName(resultName, wireNames, method, report);
      try {
        payloadTypes.resolve(method.getReturnType(), "the result of " + method.getSimpleName() + "()");
      } catch (UnsupportedPayloadException e) {
        report.error(Messages.unsupported(e.getMessage()), method);
      }
    }
  }

  private static void checkName(String wireName, Set<String> seen, Element element,
      ValidationReport report) {
    if (ENVELOPE.contains(wireName)) {
      report.error(Messages.reservedName(wireName), element);
    } else if (!seen.add(wireName)) {
      report.error(Messages.clashingNames(wireName), element);
    }
  }

  /** Validates the class that declares hook point methods. */
  public ValidationReport validateClass(TypeElement type) {
    return new ClassValidator().validate(type);
  }
}
