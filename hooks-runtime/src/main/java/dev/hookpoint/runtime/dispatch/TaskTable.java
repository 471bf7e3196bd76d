package dev.hookpoint.runtime.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * db-scheduler's one table, under Hookpoint's name ({@code hookpoint_tasks}), created on first use, beside the dead
 * runs' ({@link DeadRuns}). Its columns are
 * db-scheduler's own ({@code sqlite_tables.sql}, {@code postgresql_tables.sql} in its sources); only the types
 * differ by database.
 */
final class TaskTable {

  static final String NAME = "hookpoint_tasks";

  private static final String SQLITE = "CREATE TABLE IF NOT EXISTS " + NAME + " (task_name varchar(100), "
      + "task_instance varchar(100), task_data blob, execution_time TIMESTAMP, picked BIT, picked_by varchar(50), "
      + "last_success TIMESTAMP, last_failure TIMESTAMP, consecutive_failures INT, last_heartbeat TIMESTAMP, "
      + "version BIGINT, priority SMALLINT, PRIMARY KEY (task_name, task_instance))";
  private static final String POSTGRESQL = "CREATE TABLE IF NOT EXISTS " + NAME + " (task_name text not null, "
      + "task_instance text not null, task_data bytea, execution_time timestamp with time zone not null, "
      + "picked BOOLEAN not null, picked_by text, last_success timestamp with time zone, "
      + "last_failure timestamp with time zone, consecutive_failures INT, last_heartbeat timestamp with time zone, "
      + "version BIGINT not null, priority SMALLINT, PRIMARY KEY (task_name, task_instance))";
  private static final List<String> INDEXES = List.of(
      "CREATE INDEX IF NOT EXISTS " + NAME + "_execution_time_idx ON " + NAME + " (execution_time)",
      "CREATE INDEX IF NOT EXISTS " + NAME + "_last_heartbeat_idx ON " + NAME + " (last_heartbeat)");

  /** The databases the table is made for; each is polled its own way ({@link DurableDelivery}). */
  enum Kind { SQLITE, POSTGRESQL }

  private TaskTable() {}

  /**
   * Creates the table and its indexes unless they exist. Two instances starting at once on a new PostgreSQL
   * database both find none, and PostgreSQL refuses the second {@code CREATE ... IF NOT EXISTS} once the first has
   * committed (a duplicate key in its catalog, SQL state class 23; {@code duplicate_table}, 42P07; or
   * {@code duplicate_object}, 42710, for the table's row type). Another try finds it made: once for the table,
   * once for each index and once for the dead runs' table, as each statement commits alone.
   *
   * @return which database it is in
   *
   * @throws IllegalStateException naming the database and the fix, when it cannot
   */
  static Kind create(DataSource database, String where) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tryCreate(database, where);
      } catch (IllegalStateException e) {
        String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : null;
        boolean collided = state != null
            && (state.startsWith("23") || state.equals("42P07") || state.equals("42710"));
        // One collision at most per statement: the table, each index, the dead runs' table.
        if (!collided || attempt > INDEXES.size() + 2) {
          throw e;
        }
      }
    }
  }

  private static Kind tryCreate(DataSource database, String where) {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      Kind kind;
      if (product.contains("sqlite")) {
        kind = Kind.SQLITE;
      } else if (product.contains("postgres")) {
        kind = Kind.POSTGRESQL;
      } else {
        throw new IllegalStateException("[hookpoint:delivery-unsupported] durable background hooks need SQLite "
            + "or PostgreSQL; " + where + " is " + product + ". Create db-scheduler's table for it as '" + NAME
            + "' yourself, or set hooks.async.delivery: memory");
      }
      boolean autoCommit = connection.getAutoCommit();
      statement.execute(kind == Kind.SQLITE ? SQLITE : POSTGRESQL);
      for (String index : INDEXES) {
        statement.execute(index);
      }
      DeadRuns.create(connection);
      if (!autoCommit) {
        connection.commit();
      }
      return kind;
    } catch (SQLException e) {
      throw new IllegalStateException("[hookpoint:delivery-failed] cannot create the table of durable background hooks ("
          + NAME + ") in " + where + ": " + e.getMessage() + ". Fix the database, or set hooks.async.delivery: memory",
          e);
    }
  }
}
