package dev.hookpoint.runtime;

/**
 * One field of an event's payload, as documented for hook authors.
 *
 * @param path the dotted wire path, e.g. {@code media_item.title}
 * @param type the payload type, e.g. {@code string}, {@code integer}, {@code list<string>}, {@code object}
 * @param doc what the field means, from the host's Javadoc; may be empty
 * @param envVar the environment variable a process hook reads it from, e.g. {@code HOOK_MEDIA_ITEM_TITLE};
 *     {@code null} for objects, whose fields have their own variables
 * @param changeable whether hooks may change it
 */
public record FieldInfo(String path, String type, String doc, String envVar, boolean changeable) {}
