package dev.hookpoint.runtime;

/**
 * A {@code before_*} hook halted the chain, so the host's method did not run and nothing was written. Thrown from
 * the generated wrapper to its caller.
 */
public final class HookVetoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String event;
  private final String hookId;
  private final String hookName;
  private final String reason;

  /**
   * @param event the vetoed event, e.g. {@code before_media_added}
   * @param hookId the hook's id, e.g. {@code before_media_added/01_reject_duplicates.lua}
   * @param hookName the hook's name from its metadata, e.g. {@code Duplicate guard}
   * @param reason the hook's message, or an empty string
   */
  public HookVetoException(String event, String hookId, String hookName, String reason) {
    super(event + " vetoed by " + hookName + " (" + hookId + ")" + (reason.isEmpty() ? "" : ": " + reason));
    this.event = event;
    this.hookId = hookId;
    this.hookName = hookName;
    this.reason = reason;
  }

  /** The id of the hook that halted the chain: {@code event/file}. */
  public String hookId() {
    return hookId;
  }

  /** The vetoed event. */
  public String event() {
    return event;
  }

  /** The hook that halted the chain. */
  public String hookName() {
    return hookName;
  }

  /** The hook's message; empty when it gave none. */
  public String reason() {
    return reason;
  }
}
