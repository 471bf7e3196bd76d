package dev.hookpoint.runtime.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * How many durable runs are stored and not finished, every instance's, for {@code hooks.async.max_pending}. Counting
 * the table on every event would cost the host more than the insert itself, so the count is taken at most once
 * per {@link #REFRESH_NANOS}, and this instance's own stores are added in between: the bound holds to within
 * what other instances stored in the last second.
 */
final class PendingCount {

  static final long REFRESH_NANOS = 1_000_000_000L;

  private final DataSource database;
  private final LongSupplier storedHere;
  private long countedAt = Long.MIN_VALUE;
  private long counted;
  private long storedHereAtCount;

  /**
   * @param storedHere how many runs this instance has stored so far
   */
  PendingCount(DataSource database, LongSupplier storedHere) {
    this.database = database;
    this.storedHere = storedHere;
  }

  /** The runs stored and not finished, at most a second old, plus this instance's since. */
  synchronized long estimate() throws SQLException {
    long now = System.nanoTime();
    if (countedAt == Long.MIN_VALUE || now - countedAt >= REFRESH_NANOS) {
      counted = count();
      storedHereAtCount = storedHere.getAsLong();
      countedAt = now;
    }
    return counted + storedHere.getAsLong() - storedHereAtCount;
  }

  /** Counts the table now. */
  long count() throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + TaskTable.NAME
            + " WHERE task_name = ?")) {
      count.setString(1, DurableDelivery.TASK);
      try (ResultSet rows = count.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }
}
