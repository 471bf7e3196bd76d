package dev.hookpoint.processor.validation;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Validates that a class with hook point methods can be extended by the generated wrapper. */
final class ClassValidator {

  ValidationReport validate(TypeElement type) {
    ValidationReport report = new ValidationReport();
    String name = type.getSimpleName().toString();
    if (type.getKind() != ElementKind.CLASS) {
      report.error(Messages.notInClass(type.getKind().toString().toLowerCase(java.util.Locale.ROOT)), type);
      return report;
    }
    if (type.getModifiers().contains(Modifier.FINAL)) {
      report.error(Messages.finalClass(name), type);
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(Messages.privateClass(name), type);
    }
    if (type.getNestingKind() != NestingKind.TOP_LEVEL && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(Messages.innerClass(name), type);
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(Messages.genericClass(name), type);
    }
    boolean constructible = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .map(ExecutableElement::getModifiers)
        .anyMatch(modifiers -> !modifiers.contains(Modifier.PRIVATE));
    if (!constructible) {
      report.error(Messages.noConstructor(name), type);
    }
    return report;
  }
}
