package dev.hookpoint.processor.validation;

import dev.hookpoint.processor.model.DeclaredHookPoint;
import dev.hookpoint.processor.model.HookPointModel;
import dev.hookpoint.processor.model.HookedMethod;
import dev.hookpoint.processor.model.ModelFactory;
import dev.hookpoint.processor.model.UnsupportedPayloadException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * Validates that methods firing the same event, in this class or in one generated before, carry the same data:
 * an event has one payload, so hooks must not be able to tell the methods apart.
 */
final class SharedEventValidator {

  private final ModelFactory models;

  SharedEventValidator(ModelFactory models) {
    this.models = models;
  }

  /** Runs only once every payload of the methods resolves. */
  void validate(List<ExecutableElement> methods, Map<String, HookedMethod.PointUse> earlier,
      ValidationReport report) {
    Map<String, HookPointModel> seen = new HashMap<>();
    earlier.forEach((name, use) -> seen.put(name, use.point()));
    for (ExecutableElement method : methods) {
      for (DeclaredHookPoint declared : DeclaredHookPoint.of(method)) {
        HookPointModel point = hookPoint(method, declared);
        HookPointModel known = seen.putIfAbsent(point.eventName(), point);
        if (known != null && !known.sameDataAs(point)) {
          report.error(Messages.differentData(point.eventName(), known.source()), method, declared.mirror(),
              declared.valueOf("value"));
        }
      }
    }
  }

  private HookPointModel hookPoint(ExecutableElement method, DeclaredHookPoint declared) {
    try {
      return models.hookPoint(method, declared);
    } catch (UnsupportedPayloadException e) {
      throw new IllegalStateException("a payload failed to resolve after validating it: " + e.getMessage(), e);
    }
  }
}
