package dev.hookpoint.runtime.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Durable runs that used up their attempts ({@code dead}), kept with their stored task data in
 * {@code hookpoint_dead}, keyed by the run id of their last attempt, so an operator can run one again once the
 * cause is fixed. db-scheduler itself forgets a task when it completes; this is the part it has no notion of. The
 * newest {@link #KEPT} are kept: a queue of dead runs nobody looks at must not grow without end.
 */
final class DeadRuns {

  static final String NAME = "hookpoint_dead";
  /** Dead runs kept to run again; the oldest go first. Ten times the history's default, so every one shown can. */
  static final int KEPT = 10_000;
  /** Fixed width, so that the text sorts as the instants do ({@code Instant.toString} drops trailing zeros). */
  private static final DateTimeFormatter DEAD_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final DataSource database;
  private final int kept;

  DeadRuns(DataSource database) {
    this(database, KEPT);
  }

  DeadRuns(DataSource database, int kept) {
    this.database = database;
    this.kept = kept;
  }

  /** Creates the table unless it exists: plain SQL that SQLite and PostgreSQL both run. */
  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + NAME + " (run_id varchar(100) PRIMARY KEY, "
          + "hook_id text NOT NULL, task_data text NOT NULL, dead_at varchar(40) NOT NULL)");
    }
  }

  void keep(String runId, String hookId, String taskData) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + NAME
            + " (run_id, hook_id, task_data, dead_at) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, runId);
      insert.setString(2, hookId);
      insert.setString(3, taskData);
      insert.setString(4, DEAD_AT.format(Instant.now()));
      insert.executeUpdate();
      try (PreparedStatement prune = connection.prepareStatement("DELETE FROM " + NAME + " WHERE run_id NOT IN "
          + "(SELECT run_id FROM " + NAME + " ORDER BY dead_at DESC, run_id DESC LIMIT ?)")) {
        prune.setInt(1, kept);
        prune.executeUpdate();
      }
      commitUnlessAuto(connection);
    }
  }

  boolean contains(String runId) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + NAME + " WHERE run_id = ?")) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  /**
   * Removes the dead run and answers its task data, or empty when it is not kept (or another operator, on this
   * instance or another, took it first: the delete decides, so a run is taken once).
   */
  Optional<String> take(String runId) throws SQLException {
    try (Connection connection = database.getConnection()) {
      String data;
      try (PreparedStatement select = connection.prepareStatement("SELECT task_data FROM " + NAME
          + " WHERE run_id = ?")) {
        select.setString(1, runId);
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          data = rows.getString(1);
        }
      }
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + NAME + " WHERE run_id = ?")) {
        delete.setString(1, runId);
        int deleted = delete.executeUpdate();
        commitUnlessAuto(connection);
        return deleted == 1 ? Optional.of(data) : Optional.empty();
      }
    }
  }

  private static void commitUnlessAuto(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }
}
