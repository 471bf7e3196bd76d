package dev.hookpoint.runtime.dispatch;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The host's connection that background events fired on this thread are stored through, bound by
 * {@code HookRuntime.storeEventsIn}: the task rows then belong to the host's transaction, and exist if and only if
 * it commits. {@link #dataSource()} hands that one connection to db-scheduler, which closes what it is given: the
 * host's connection is the host's to close, so the view it gets ignores {@code close()}.
 */
public final class HostConnection {

  private static final ThreadLocal<Connection> BOUND = new ThreadLocal<>();

  private HostConnection() {}

  /** Binds {@code connection} to this thread; answers the one bound before, to put back (bindings nest). */
  public static Connection bind(Connection connection) {
    Connection before = BOUND.get();
    BOUND.set(connection);
    return before;
  }

  /** Puts back what {@link #bind} answered. */
  public static void restore(Connection before) {
    if (before == null) {
      BOUND.remove();
    } else {
      BOUND.set(before);
    }
  }

  static Connection current() {
    return BOUND.get();
  }

  /** A data source whose every connection is this thread's bound one, not to be closed by whoever takes it. */
  static DataSource dataSource() {
    return new BoundDataSource();
  }

  private static Connection unclosable(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          switch (method.getName()) {
            case "close":
              return null;
            case "unwrap":
              if (arguments[0] == Connection.class) {
                return connection;
              }
              break;
            default:
              break;
          }
          return SharedConnection.call(method, connection, arguments);
        });
  }

  private static final class BoundDataSource implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      Connection bound = BOUND.get();
      if (bound == null) {
        throw new SQLException("no host connection is bound to this thread");
      }
      return unclosable(bound);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
