package dev.hookpoint.runtime;

import dev.hookpoint.runtime.dispatch.HostConnection;
import java.sql.Connection;

/**
 * While open, the background events fired on this thread are stored through the host's connection, in its
 * transaction: they exist if and only if the host commits. Opened by {@link HookRuntime#storeEventsIn}; close it
 * on the thread that opened it, before or after the commit.
 */
public final class EventTransaction implements AutoCloseable {

  private final Connection before;
  private final Thread owner = Thread.currentThread();
  private boolean closed;

  EventTransaction(Connection connection) {
    this.before = HostConnection.bind(connection);
  }

  /** Stores events on their own connections again (or through the transaction opened around this one). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("an EventTransaction is closed on the thread that opened it (" + owner.getName()
          + ")");
    }
    closed = true;
    HostConnection.restore(before);
  }
}
