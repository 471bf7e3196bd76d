package dev.hookpoint.processor.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A field of an event's payload at its dotted path, as the docs and the catalog list them: records are opened up
 * so that every component has its own row (and environment variable).
 *
 * @param path e.g. {@code media_item.title}
 * @param field the field at that path
 * @param changeable whether hooks may replace its value
 */
public record FlatField(String path, Field field, boolean changeable) {

  /** The environment variable of a leaf, {@code null} for records (their components have their own). */
  public String envVar() {
    return field.type() instanceof ValueType.RecordValue ? null : Names.envVar(path);
  }

  /** Every field of the event, depth first. */
  public static List<FlatField> of(HookPointModel point) {
    Set<String> changeable = new HashSet<>();
    for (ChangeShape shape : point.changes()) {
      collectChangeable(shape, "", changeable);
    }
    return of(point.fields(), changeable);
  }

  /** The given fields opened up, depth first; {@code changeable} holds the dotted paths hooks may set. */
  public static List<FlatField> of(List<Field> fields, Set<String> changeable) {
    List<FlatField> flat = new ArrayList<>();
    for (Field field : fields) {
      flatten(field, "", changeable, flat);
    }
    return List.copyOf(flat);
  }

  /** The dotted paths hooks may set, e.g. {@code media_item.quality_profile}. */
  public static List<String> changeablePaths(HookPointModel point) {
    return of(point).stream().filter(FlatField::changeable).map(FlatField::path).toList();
  }

  private static void flatten(Field field, String prefix, Set<String> changeable, List<FlatField> out) {
    String path = prefix.isEmpty() ? field.wireName() : prefix + "." + field.wireName();
    out.add(new FlatField(path, field, changeable.contains(path)));
    if (field.type() instanceof ValueType.RecordValue record) {
      for (Field component : record.components()) {
        flatten(component, path, changeable, out);
      }
    }
  }

  private static void collectChangeable(ChangeShape shape, String prefix, Set<String> out) {
    String path = prefix.isEmpty() ? shape.field().wireName() : prefix + "." + shape.field().wireName();
    if (shape instanceof ChangeShape.Partial partial) {
      for (ChangeShape component : partial.components()) {
        collectChangeable(component, path, out);
      }
    } else {
      out.add(path);
    }
  }
}
