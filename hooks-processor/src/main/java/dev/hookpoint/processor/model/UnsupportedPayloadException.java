package dev.hookpoint.processor.model;

/**
 * A declared type cannot travel to a hook. Carries the broken rule and the names it concerns, not a sentence:
 * the wording lives with every other message in {@code validation.Messages}.
 */
public final class UnsupportedPayloadException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Which payload rule the type breaks. */
  public enum Reason {
    NOT_A_PAYLOAD,
    NON_STRING_KEYS,
    RAW_TYPE,
    WILDCARD,
    GENERIC_RECORD,
    RECURSIVE_RECORD,
    NOT_VISIBLE,
    EXAMPLE_NOT_SCALAR,
    EXAMPLE_DOES_NOT_PARSE
  }

  private final Reason reason;
  private final String where;
  private final String type;
  private final String detail;

  /**
   * @param where how the value is named, e.g. {@code parameter 'media'}
   * @param type the offending type as the user wrote it
   * @param detail what else the message needs (the generated package, the example), or empty
   */
  UnsupportedPayloadException(Reason reason, String where, String type, String detail) {
    super(reason + ": " + where + " (" + type + ") " + detail);
    this.reason = reason;
    this.where = where;
    this.type = type;
    this.detail = detail;
  }

  public Reason reason() {
    return reason;
  }

  public String where() {
    return where;
  }

  public String type() {
    return type;
  }

  public String detail() {
    return detail;
  }
}
