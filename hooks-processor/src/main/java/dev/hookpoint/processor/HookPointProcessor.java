package dev.hookpoint.processor;

import com.google.auto.service.AutoService;
import dev.hookpoint.processor.model.DeclaredHookPoint;
import dev.hookpoint.processor.model.ModelFactory;
import dev.hookpoint.processor.step.HookPointStep;
import dev.hookpoint.processor.writing.Writers;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates, for every {@code @HookPoint} method, a typed event record, a typed changes record, a dispatch
 * wrapper around the class, a {@code ServiceLoader} catalog and per-event docs for hook authors.
 */
@AutoService(Processor.class)
public final class HookPointProcessor extends AbstractProcessor {

  private HookPointStep step;
  private Writers writers;

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    ModelFactory models = new ModelFactory(environment.getElementUtils(), environment.getTypeUtils());
    writers = new Writers(environment.getFiler());
    step = new HookPointStep(environment.getElementUtils(), models, environment.getMessager(), writers);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(DeclaredHookPoint.HOOK_POINT, DeclaredHookPoint.HOOK_POINTS, DeclaredHookPoint.CHANGEABLE,
        DeclaredHookPoint.EXAMPLE, Writers.GENERATED_ANNOTATION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<Element> annotated = new LinkedHashSet<>();
    for (TypeElement annotation : annotations) {
      String name = annotation.getQualifiedName().toString();
      if (name.equals(DeclaredHookPoint.HOOK_POINT) || name.equals(DeclaredHookPoint.HOOK_POINTS)) {
        annotated.addAll(round.getElementsAnnotatedWith(annotation));
      }
    }
    step.process(annotated, round.processingOver());
    if (round.processingOver()) {
      writers.writeAggregatedFiles();
    }
    // Claim: these annotations are Hookpoint's own and mean nothing to other processors, and unclaimed ones
    // are a warning under javac's -Xlint:processing.
    return true;
  }
}
