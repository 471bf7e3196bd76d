package dev.hookpoint.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The findings of validating one element. Each finding sits on the most precise place known: the element, its
 * annotation, or the annotation's value, so that IDEs underline the right thing.
 */
public final class ValidationReport {

  private record Item(Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation,
      AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  /** An error on an element. */
  public void error(String message, Element element) {
    items.add(new Item(Diagnostic.Kind.ERROR, message, element, null, null));
  }

  /** An error on an annotation of an element, and on one of its values when given. */
  public void error(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    items.add(new Item(Diagnostic.Kind.ERROR, message, element, annotation, value));
  }

  /** A warning on an element. */
  public void warning(String message, Element element) {
    items.add(new Item(Diagnostic.Kind.WARNING, message, element, null, null));
  }

  /** Whether there is no error; warnings do not count. */
  public boolean isClean() {
    return items.stream().noneMatch(item -> item.kind == Diagnostic.Kind.ERROR);
  }

  /** Adds another report's findings to this one. */
  public void addAll(ValidationReport other) {
    items.addAll(other.items);
  }

  /** Prints every finding. */
  public void printTo(Messager messager) {
    for (Item item : items) {
      if (item.value != null) {
        messager.printMessage(item.kind, item.message, item.element, item.annotation, item.value);
      } else if (item.annotation != null) {
        messager.printMessage(item.kind, item.message, item.element, item.annotation);
      } else {
        messager.printMessage(item.kind, item.message, item.element);
      }
    }
  }
}
