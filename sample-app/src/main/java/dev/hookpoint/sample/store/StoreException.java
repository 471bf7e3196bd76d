package dev.hookpoint.sample.store;

/** The database failed; nothing of the failed transaction was written. */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
