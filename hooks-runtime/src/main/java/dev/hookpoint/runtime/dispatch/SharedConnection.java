package dev.hookpoint.runtime.dispatch;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * db-scheduler's data source on a SQLite file: one connection, opened once and lent to one thread at a time.
 *
 * <p>Why: db-scheduler asks its data source for a connection for every statement (fetch, pick, complete, each
 * insert), and a plain SQLite data source opens the file and runs its pragmas each time, most of the cost of the
 * statement. And SQLite takes one writer at a time anyway: several connections of this process only meet in
 * SQLite's busy handler, which sleeps a millisecond or more each time they collide. Lending one connection in turn
 * queues them on a lock instead. Other processes on the file are unaffected (write-ahead logging; locks are taken
 * per statement, as before).
 *
 * <p>A thread that asks again while it holds the connection gets the same one (db-scheduler's transactions do).
 * A connection handed back in a transaction is rolled back; one that was closed under it is opened again.
 */
final class SharedConnection implements DataSource, AutoCloseable {

  private final DataSource source;
  private final ReentrantLock lock = new ReentrantLock();
  /** Guarded by {@link #lock}. */
  private Connection connection;
  private int depth;
  private volatile boolean closed;

  SharedConnection(DataSource source) {
    this.source = source;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the shared SQLite connection", e);
    }
    try {
      if (closed) {
        throw new SQLException("the durable delivery's SQLite connection is closed");
      }
      if (connection == null || connection.isClosed()) {
        connection = source.getConnection();
      }
      depth++;
      return lent(connection);
    } catch (SQLException | RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  /** The connection as one borrower sees it: closing it hands it back, once. */
  private Connection lent(Connection real) {
    boolean[] returned = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close" -> {
              if (!returned[0]) {
                returned[0] = true;
                handBack(real);
              }
              return null;
            }
            case "isClosed" -> {
              return returned[0] || real.isClosed();
            }
            case "equals" -> {
              return proxy == args[0];
            }
            case "hashCode" -> {
              return System.identityHashCode(proxy);
            }
            default -> {
              if (returned[0]) {
                throw new SQLException("connection already handed back");
              }
              return call(method, real, args);
            }
          }
        });
  }

  /** Calls {@code method} on the real connection, throwing what it threw rather than reflection's wrapper. */
  static Object call(Method method, Connection real, Object[] args) throws Throwable {
    try {
      return method.invoke(real, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private void handBack(Connection real) throws SQLException {
    try {
      if (depth == 1 && !real.isClosed() && !real.getAutoCommit()) {
        // A borrower that left a transaction open must not leave it to the next one.
        try {
          real.rollback();
        } finally {
          real.setAutoCommit(true);
        }
      }
    } finally {
      depth--;
      lock.unlock();
    }
  }

  /** Closes the connection once no thread holds it; a later borrower is refused. */
  @Override
  public void close() {
    closed = true;
    lock.lock();
    try {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    } catch (SQLException e) {
      // Closing a SQLite file that is gone: nothing is left to keep.
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the shared SQLite connection takes no credentials");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return source.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    source.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    source.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return source.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return source.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return source.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || source.isWrapperFor(type);
  }
}
