package dev.hookpoint.runtime.executor;

import dev.hookpoint.runtime.RunStatus;

/**
 * A stop asked of one run from outside its thread: by the watchdog when the run is past its deadline, or by the
 * background runner when the host shuts down. An executor registers, once per run, what stops its hook (trip the
 * Lua limiter, kill the process); the runner then records the run with the status and message of the stop,
 * whatever the executor threw while stopping.
 */
public final class Cancellation {

  private Runnable stopper;
  private RunStatus status;
  private String message;

  /** A run not (yet) asked to stop. */
  public Cancellation() {}

  /** Registers what stops the hook; runs it at once if the run is already cancelled. */
  public void onCancel(Runnable stop) {
    boolean already;
    synchronized (this) {
      stopper = stop;
      already = status != null;
    }
    if (already) {
      stop.run();
    }
  }

  /**
   * Stops the run, once: later calls change nothing.
   *
   * @param status how the run is recorded, {@code timeout} or {@code lost}
   * @return whether this call stopped it
   */
  public boolean cancel(RunStatus status, String message) {
    Runnable stop;
    synchronized (this) {
      if (this.status != null) {
        return false;
      }
      this.status = status;
      this.message = message;
      stop = stopper;
    }
    if (stop != null) {
      stop.run();
    }
    return true;
  }

  public synchronized boolean isCancelled() {
    return status != null;
  }

  /** The status the run is recorded with, or {@code null} when it was not cancelled. */
  public synchronized RunStatus status() {
    return status;
  }

  /** Why it was cancelled, or {@code null}. */
  public synchronized String message() {
    return message;
  }
}
