package dev.hookpoint.processor.validation;

import dev.hookpoint.processor.model.DeclaredHookPoint;
import dev.hookpoint.processor.model.ModelFactory;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Validates {@code @HookPoint(persist = "...")}: the method it names must store the changed result. */
final class PersistValidator {

  private final ModelFactory models;

  PersistValidator(ModelFactory models) {
    this.models = models;
  }

  void validate(ExecutableElement method, DeclaredHookPoint declared, ValidationReport report) {
    if (declared.persist().isEmpty()) {
      return;
    }
    String name = declared.name();
    if (!name.startsWith("after_") || ModelFactory.isAsync(declared)) {
      report.error(Messages.persistNotAfter(name), method, declared.mirror(), declared.valueOf("persist"));
      return;
    }
    TypeMirror result = method.getReturnType();
    if (result.getKind() == TypeKind.VOID) {
      report.error(Messages.persistVoid(name), method, declared.mirror(), declared.valueOf("persist"));
      return;
    }
    if (models.persistMethod(method, declared.persist()) == null) {
      report.error(Messages.persistMissing(name, declared.persist(), result.toString()), method,
          declared.mirror(), declared.valueOf("persist"));
    }
  }
}
