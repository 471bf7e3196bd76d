package dev.hookpoint.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * One validated hook point: an event, its data and what hooks may change.
 *
 * @param eventName e.g. {@code before_media_added}
 * @param phase the name's prefix
 * @param async whether hooks run in the background
 * @param description for hook authors
 * @param source the method it comes from, e.g. {@code fixture.MediaService#add(NewMedia)}
 * @param timeoutMs the default hook timeout, or {@code -1}
 * @param eventClass the event record to generate
 * @param changesClass the changes record to generate
 * @param fields the payload fields: the parameters, then the result when there is one
 * @param result the result field, or {@code null} for before_ points and void methods
 * @param changes what hooks may change: arguments before, the result after (sync only), nothing on
 */
public record HookPointModel(
    String eventName,
    Phase phase,
    boolean async,
    String description,
    String source,
    long timeoutMs,
    ClassName eventClass,
    ClassName changesClass,
    List<Field> fields,
    Field result,
    List<ChangeShape> changes) {

  /** The prefix of an event name. */
  public enum Phase {
    BEFORE,
    AFTER,
    ON;

    public static Phase of(String eventName) {
      return eventName.startsWith("before_") ? BEFORE : eventName.startsWith("after_") ? AFTER : ON;
    }
  }

  /** The parameters among the fields. */
  public List<Field> parameters() {
    return result == null ? fields : fields.subList(0, fields.size() - 1);
  }

  /** The name of the wrapper's handle field and of the catalog's constant, e.g. {@code beforeMediaAdded}. */
  public String handleName() {
    return Names.lowerCamel(eventName);
  }

  /**
   * Whether this point carries the same data as another of the same name: two methods may fire one event only
   * if hooks cannot tell them apart.
   */
  public boolean sameDataAs(HookPointModel other) {
    return fields.equals(other.fields) && async == other.async && changes.equals(other.changes);
  }
}
