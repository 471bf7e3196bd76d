package dev.hookpoint.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What hooks may change in one field. A record is changed partially (any subset of its changeable components),
 * anything else is replaced whole. Derived from {@code @Changeable}: a marked field is changeable with everything
 * inside it; an unmarked record is changeable where its components are.
 */
public sealed interface ChangeShape {

  /** The field this shape belongs to. */
  Field field();

  /** The whole value is replaced by the hook's value. */
  record Replace(Field field) implements ChangeShape {}

  /** Some components of a record change; the rest keep their values. */
  record Partial(Field field, ValueType.RecordValue record, List<ChangeShape> components)
      implements ChangeShape {}

  /** The shape of a field, or {@code null} when hooks can change nothing in it. */
  static ChangeShape of(Field field, boolean insideChangeable) {
    boolean changeable = insideChangeable || field.changeable();
    if (field.type() instanceof ValueType.RecordValue record) {
      List<ChangeShape> components = new ArrayList<>();
      for (Field component : record.components()) {
        ChangeShape shape = of(component, changeable);
        if (shape != null) {
          components.add(shape);
        }
      }
      return components.isEmpty() ? null : new Partial(field, record, List.copyOf(components));
    }
    return changeable ? new Replace(field) : null;
  }

  /** The shapes of the changeable ones among the given fields. */
  static List<ChangeShape> of(List<Field> fields) {
    List<ChangeShape> shapes = new ArrayList<>();
    for (Field field : fields) {
      ChangeShape shape = of(field, false);
      if (shape != null) {
        shapes.add(shape);
      }
    }
    return List.copyOf(shapes);
  }
}
