package dev.hookpoint.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A host class with hook point methods: what the wrapper and the catalog are written from.
 *
 * @param host the annotated class
 * @param wrapper the generated subclass, e.g. {@code HookedMediaService}
 * @param catalog the generated catalog, e.g. {@code MediaServiceHookCatalog}
 * @param isPublic whether the host (and so the wrapper) is public
 * @param constructors the host's non-private constructors
 * @param methods the hooked methods
 * @param declaredPoints the hook points first declared by this class; their descriptors live in its catalog
 */
public record HookedClass(
    ClassName host,
    ClassName wrapper,
    ClassName catalog,
    boolean isPublic,
    List<Constructor> constructors,
    List<HookedMethod> methods,
    List<HookPointModel> declaredPoints) {

  /** A constructor the wrapper mirrors, taking the dispatcher first. */
  public record Constructor(
      List<Modifier> modifiers, List<HookedMethod.Parameter> parameters, List<TypeName> thrown,
      boolean varargs) {}
}
