package dev.hookpoint.processor.step;

import com.palantir.javapoet.ClassName;
import dev.hookpoint.processor.model.DeclaredHookPoint;
import dev.hookpoint.processor.model.HookPointModel;
import dev.hookpoint.processor.model.HookedClass;
import dev.hookpoint.processor.model.HookedMethod;
import dev.hookpoint.processor.model.ModelFactory;
import dev.hookpoint.processor.model.UnsupportedPayloadException;
import dev.hookpoint.processor.validation.HookPointValidator;
import dev.hookpoint.processor.validation.ValidationReport;
import dev.hookpoint.processor.writing.CatalogWriter;
import dev.hookpoint.processor.writing.ChangesRecordWriter;
import dev.hookpoint.processor.writing.EventDocsWriter;
import dev.hookpoint.processor.writing.EventRecordWriter;
import dev.hookpoint.processor.writing.GeneratedFiles;
import dev.hookpoint.processor.writing.WrapperWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * The one place that uses both validation and writing: for each class with hook point methods, validate, print
 * the report, stop if it is not clean, build the model, then generate. Classes whose types are not compiled yet
 * wait for a later round.
 */
public final class HookPointStep {

  private final Elements elements;
  private final Messager messager;
  private final ModelFactory models;
  private final HookPointValidator validator;
  private final EventRecordWriter eventWriter;
  private final ChangesRecordWriter changesWriter;
  private final EventDocsWriter docsWriter;
  private final WrapperWriter wrapperWriter;
  private final CatalogWriter catalogWriter;

  /** Every hook point generated so far, by event name, with the catalog holding its descriptor. */
  private final Map<String, HookedMethod.PointUse> generated = new HashMap<>();
  private final Set<String> deferred = new TreeSet<>();
  private final Set<String> catalogs = new TreeSet<>();

  public HookPointStep(Elements elements, ModelFactory models, Messager messager, GeneratedFiles files) {
    this.elements = elements;
    this.messager = messager;
    this.models = models;
    this.validator = new HookPointValidator(elements, models);
    this.eventWriter = new EventRecordWriter(files);
    this.changesWriter = new ChangesRecordWriter(files);
    this.docsWriter = new EventDocsWriter(files);
    this.wrapperWriter = new WrapperWriter(files);
    this.catalogWriter = new CatalogWriter(files);
  }

  /** The catalogs written so far, for the services file. */
  public Set<String> catalogs() {
    return catalogs;
  }

  /** Processes the annotated methods of one round; in the last round, reports what still cannot resolve. */
  public void process(Set<? extends Element> annotated, boolean lastRound) {
    Map<String, TypeElement> classes = new java.util.TreeMap<>();
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
        messager.printMessage(Diagnostic.Kind.ERROR, "[hookpoint:internal] generating hooks for "
            + type.getQualifiedName() + " failed: " + e + "; please report this with the class", type);
      }
    }
  }

  private void processClass(TypeElement type, boolean lastRound) {
    List<ExecutableElement> methods = hookPointMethods(type);
    List<ExecutableElement> unresolved =
        methods.stream().filter(HookPointValidator::needsAnotherRound).toList();
    if (!unresolved.isEmpty()) {
      if (lastRound) {
        ValidationReport report = new ValidationReport();
        unresolved.forEach(method -> report.error(
            "[hookpoint:unresolved] the parameter or result types of " + method.getSimpleName()
                + "() could not be resolved; fix the compile errors reported for them first", method));
        report.printTo(messager);
      } else {
        deferred.add(type.getQualifiedName().toString());
      }
      return;
    }
    ValidationReport report = validator.validateClass(type);
    methods.forEach(method -> report.addAll(validator.validate(method)));
    if (!report.isClean()) {
      report.printTo(messager);
      return;
    }
    Map<String, HookedMethod.PointUse> added = new LinkedHashMap<>();
    List<HookedMethod> hookedMethods = new ArrayList<>();
    ClassName catalog = ModelFactory.hookedClass(type, List.of(), List.of()).catalog();
    for (ExecutableElement method : methods) {
      List<HookedMethod.PointUse> uses = new ArrayList<>();
      for (DeclaredHookPoint declared : DeclaredHookPoint.of(method)) {
        HookPointModel point;
        try {
          point = models.hookPoint(method, declared);
        } catch (UnsupportedPayloadException e) {
          report.error("[hookpoint:payload] " + e.getMessage(), method);
          continue;
        }
        HookedMethod.PointUse known = added.getOrDefault(point.eventName(), generated.get(point.eventName()));
        if (known == null) {
          HookedMethod.PointUse use = new HookedMethod.PointUse(point, catalog);
          added.put(point.eventName(), use);
          uses.add(use);
        } else if (!known.point().sameDataAs(point)) {
          report.error(differentData(point.eventName(), known.point().source()), method, declared.mirror(),
              declared.valueOf("value"));
        } else {
          uses.add(known);
        }
      }
      hookedMethods.add(ModelFactory.hookedMethod(method, uses, persist(method)));
    }
    report.printTo(messager);
    if (!report.isClean()) {
      return;
    }
    List<HookPointModel> declaredHere = added.values().stream().map(HookedMethod.PointUse::point).toList();
    HookedClass hooked = ModelFactory.hookedClass(type, hookedMethods, declaredHere);
    for (HookPointModel point : declaredHere) {
      eventWriter.write(point, type);
      changesWriter.write(point, type);
      docsWriter.write(point, type);
    }
    wrapperWriter.write(hooked, type);
    if (!declaredHere.isEmpty()) {
      catalogWriter.write(hooked, type);
      catalogs.add(hooked.catalog().canonicalName());
    }
    generated.putAll(added);
  }

  private static String differentData(String name, String otherSource) {
    return "[hookpoint:duplicate] " + name + " is also declared by " + otherSource
        + " with different data; an event has one payload, so give one of them another name or the same "
        + "parameters and result";
  }

  private HookedMethod.Persist persist(ExecutableElement method) {
    for (DeclaredHookPoint declared : DeclaredHookPoint.of(method)) {
      if (!declared.persist().isEmpty()) {
        ExecutableElement persist = models.persistMethod(method, declared.persist());
        return new HookedMethod.Persist(declared.persist(), persist.getReturnType().getKind() != TypeKind.VOID);
      }
    }
    return null;
  }

  private static List<ExecutableElement> hookPointMethods(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(method -> !DeclaredHookPoint.of(method).isEmpty())
        .sorted(Comparator.comparing(method -> method.getSimpleName().toString()))
        .toList();
  }
}
