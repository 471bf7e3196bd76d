package dev.hookpoint.processor.model;

/** A declared type cannot travel to a hook; the message says which and what to use instead. */
public final class UnsupportedPayloadException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnsupportedPayloadException(String message) {
    super(message);
  }
}
