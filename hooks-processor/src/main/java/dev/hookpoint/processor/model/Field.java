package dev.hookpoint.processor.model;

/**
 * A named value in a payload: a parameter, a method's result or a record component.
 *
 * @param javaName the host's name, e.g. {@code tmdbId}
 * @param wireName the snake_case name hooks see, e.g. {@code tmdb_id}
 * @param type its type
 * @param doc what it means, from the host's Javadoc; may be empty
 * @param changeable whether the host marked it {@code @Changeable}
 * @param exampleJson a JSON example of the value when the host gave one with {@code @Example}, else {@code null}
 */
public record Field(
    String javaName, String wireName, ValueType type, String doc, boolean changeable, String exampleJson) {}
