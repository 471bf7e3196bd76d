package dev.hookpoint.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A host method with its hook points, as the wrapper overrides it.
 *
 * @param name the method's name
 * @param modifiers its access modifier, kept by the override
 * @param returnType its return type, {@code void} included
 * @param parameters its parameters, in order
 * @param thrown its declared exceptions
 * @param varargs whether the last parameter is varargs
 * @param points its hook points in declaration order
 * @param persist the persist method of its sync after_ point, or {@code null}
 */
public record HookedMethod(
    String name,
    List<Modifier> modifiers,
    TypeName returnType,
    List<Parameter> parameters,
    List<TypeName> thrown,
    boolean varargs,
    List<PointUse> points,
    Persist persist) {

  /** A parameter as declared. */
  public record Parameter(String name, TypeName type) {}

  /**
   * A hook point used by this method, with the catalog that holds its descriptor (the point may have been
   * declared first by another class).
   */
  public record PointUse(HookPointModel point, com.palantir.javapoet.ClassName catalog) {}

  /** The method that stores a result changed by after_ hooks, and whether it returns the stored value. */
  public record Persist(String methodName, boolean returnsValue) {}

  public boolean isVoid() {
    return returnType.equals(TypeName.VOID);
  }
}
