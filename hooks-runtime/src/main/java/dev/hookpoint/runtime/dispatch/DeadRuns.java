package dev.hookpoint.runtime.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Durable runs that used up their attempts ({@code dead}), kept with their stored task data in
 * {@code hookpoint_dead}, keyed by the run id of their last attempt, so an operator can run one again once the
 * cause is fixed. db-scheduler itself forgets a task when it completes; this is the part it has no notion of.
 */
final class DeadRuns {

  static final String NAME = "hookpoint_dead";

  private final DataSource database;

  DeadRuns(DataSource database) {
    this.database = database;
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
      insert.setString(4, Instant.now().toString());
      insert.executeUpdate();
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
