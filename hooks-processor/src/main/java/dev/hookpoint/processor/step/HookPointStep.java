package dev.hookpoint.processor.step;

import dev.hookpoint.processor.model.DeclaredHookPoint;
import dev.hookpoint.processor.model.HookedClass;
import dev.hookpoint.processor.model.HookedMethod;
import dev.hookpoint.processor.model.ModelFactory;
import dev.hookpoint.processor.validation.HookPointValidator;
import dev.hookpoint.processor.validation.ValidationReport;
import dev.hookpoint.processor.writing.Writers;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The one place that uses both validation and writing: for each class with hook point methods, validate, print
 * the report, stop if it is not clean, build the model, then write. Classes whose types are not compiled yet
 * wait for a later round.
 */
public final class HookPointStep {

  private final Elements elements;
  private final Messager messager;
  private final ModelFactory models;
  private final HookPointValidator validator;
  private final Writers writers;

  /** Every hook point generated so far, by event name, with the catalog holding its descriptor. */
  private final Map<String, HookedMethod.PointUse> generated = new HashMap<>();
  private final Set<String> deferred = new TreeSet<>();

  public HookPointStep(Elements elements, ModelFactory models, Messager messager, Writers writers) {
    this.elements = elements;
    this.messager = messager;
    this.models = models;
    this.validator = new HookPointValidator(models);
    this.writers = writers;
  }

  /** Processes the annotated methods of one round; in the last round, reports what still cannot resolve. */
  public void process(Set<? extends Element> annotated, boolean lastRound) {
    Map<String, TypeElement> classes = new TreeMap<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        classes.put(name, type);
      }
    }
    deferred.clear();
    for (Element element : annotated) {
      if (element.getEnclosingElement() instanceof TypeElement type) {
        classes.put(type.getQualifiedName().toString(), type);
      }
    }
    for (TypeElement type : classes.values()) {
      try {
        processClass(type, lastRound);
      } catch (RuntimeException e) {
        HookPointValidator.internalError(type, e).printTo(messager);
      }
    }
  }

  private void processClass(TypeElement type, boolean lastRound) {
    List<ExecutableElement> methods = hookPointMethods(type);
    if (!lastRound && methods.stream().anyMatch(ModelFactory::needsAnotherRound)) {
      deferred.add(type.getQualifiedName().toString());
      return;
    }
    ValidationReport report = validator.validate(type, methods, generated);
    report.printTo(messager);
    if (!report.isClean()) {
      return;
    }
    HookedClass hooked = models.hookedClass(type, methods, generated);
    writers.write(hooked, type);
    hooked.declaredPoints().forEach(point ->
        generated.put(point.eventName(), new HookedMethod.PointUse(point, hooked.catalog())));
  }

  private static List<ExecutableElement> hookPointMethods(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(method -> !DeclaredHookPoint.of(method).isEmpty())
        .sorted(Comparator.comparing(method -> method.getSimpleName().toString()))
        .toList();
  }
}
