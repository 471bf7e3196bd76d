package dev.hookpoint.runtime.contract;

/**
 * One field of an event's payload, as documented for hook authors.
 *
 * <p>Generated catalogs build fields with named calls, e.g.
 * {@code FieldInfo.of("media.type", "string").envVar("HOOK_MEDIA_TYPE").changeableByHooks()}, so that a reader
 * does not have to count positional arguments.
 *
 * @param path the dotted wire path, e.g. {@code media_item.title}
 * @param type the payload type, e.g. {@code string}, {@code integer}, {@code list<string>}, {@code object}
 * @param doc what the field means, from the host's Javadoc; may be empty
 * @param envVar the environment variable a process hook reads it from, e.g. {@code HOOK_MEDIA_ITEM_TITLE};
 *     {@code null} for objects, whose fields have their own variables
 * @param changeable whether hooks may change it
 */
public record FieldInfo(String path, String type, String doc, String envVar, boolean changeable) {

  /** A field without docs or environment variable that hooks may not change. */
  public static FieldInfo of(String path, String type) {
    return new FieldInfo(path, type, "", null, false);
  }

  /** This field, documented. */
  public FieldInfo doc(String doc) {
    return new FieldInfo(path, type, doc, envVar, changeable);
  }

  /** This field, read by process hooks from the environment variable {@code envVar}. */
  public FieldInfo envVar(String envVar) {
    return new FieldInfo(path, type, doc, envVar, changeable);
  }

  /** This field, which hooks may change. */
  public FieldInfo changeableByHooks() {
    return new FieldInfo(path, type, doc, envVar, true);
  }
}
