package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.history.SqliteStores;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one kept-open SQLite connection db-scheduler borrows in turn. */
@Timeout(30)
class SharedConnectionTest {

  @TempDir Path dir;
  private final AtomicInteger opened = new AtomicInteger();
  private SharedConnection shared;

  /** The file's data source, counting the connections it opens. */
  private DataSource counting(DataSource real) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            opened.incrementAndGet();
          }
          return method.invoke(real, args);
        });
  }

  @BeforeEach
  void open() throws SQLException {
    shared = new SharedConnection(counting(SqliteStores.dataSource(dir.resolve("host.db"))));
    try (Connection connection = shared.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (n INTEGER)");
    }
  }

  @AfterEach
  void close() {
    shared.close();
  }

  private int count() throws SQLException {
    try (Connection connection = shared.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void theFileIsOpenedOnceForAnyNumberOfBorrowers() throws SQLException {
    for (int i = 0; i < 50; i++) {
      try (Connection connection = shared.getConnection(); Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO t VALUES (" + i + ")");
      }
    }
    assertEquals(50, count());
    assertEquals(1, opened.get());
  }

  @Test
  void aSecondThreadWaitsUntilTheFirstHandsTheConnectionBack() throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Connection held = shared.getConnection();
      CountDownLatch asking = new CountDownLatch(1);
      Future<Integer> waiting = other.submit(() -> {
        asking.countDown();
        return count();
      });
      asking.await();
      Thread.sleep(200);
      assertFalse(waiting.isDone(), "the other thread got the connection while it was lent");
      held.close();
      assertEquals(0, waiting.get(10, TimeUnit.SECONDS));
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void theSameThreadAskingAgainGetsTheSameConnectionAndKeepsItUntilItsLastHandBack() throws Exception {
    Connection outer = shared.getConnection();
    Connection inner = shared.getConnection();
    assertSame(outer.unwrap(Connection.class), inner.unwrap(Connection.class));
    inner.close();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> waiting = other.submit(this::count);
      Thread.sleep(200);
      assertFalse(waiting.isDone(), "handed back by the inner borrower only");
      outer.close();
      assertEquals(0, waiting.get(10, TimeUnit.SECONDS));
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aTransactionLeftOpenIsRolledBackWhenHandedBack() throws SQLException {
    Connection connection = shared.getConnection();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO t VALUES (1)");
    }
    connection.close();
    assertEquals(0, count());
    try (Connection next = shared.getConnection()) {
      assertTrue(next.getAutoCommit());
    }
  }

  @Test
  void aHandedBackConnectionCannotBeUsedAndAClosedSourceLendsNoMore() throws SQLException {
    Connection connection = shared.getConnection();
    connection.close();
    assertTrue(connection.isClosed());
    assertThrows(SQLException.class, connection::createStatement);
    shared.close();
    assertThrows(SQLException.class, shared::getConnection);
  }

  @Test
  void aConnectionClosedUnderneathIsOpenedAgain() throws SQLException {
    try (Connection connection = shared.getConnection()) {
      connection.unwrap(Connection.class).close();
    }
    assertEquals(0, count());
    assertEquals(2, opened.get());
  }
}
