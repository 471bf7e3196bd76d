package dev.hookpoint.dashboard;

/** A request the dashboard refuses, with the status to answer and a message that says why (and the fix). */
final class DashboardException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  DashboardException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
