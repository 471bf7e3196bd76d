package dev.hookpoint.runtime.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The stores' tables, as numbered steps applied once each, in order, recorded in {@code hookpoint_schema}. The
 * tables are Hookpoint's own ({@code hookpoint_*}), so they may share a database with the host's.
 */
final class StoreSchema {

  private static final List<String> STEPS = List.of(
      // 1: what hooks did, and which are switched off
      """
      CREATE TABLE IF NOT EXISTS hookpoint_runs (
        run_id TEXT PRIMARY KEY,
        hook_id TEXT NOT NULL,
        event TEXT NOT NULL,
        started_at TEXT NOT NULL,
        duration_micros INTEGER NOT NULL,
        status TEXT NOT NULL,
        modified INTEGER NOT NULL,
        changes TEXT NOT NULL,
        message TEXT NOT NULL,
        error_category TEXT,
        error_message TEXT,
        error_file TEXT,
        error_line INTEGER,
        logs TEXT NOT NULL,
        dry_run INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS hookpoint_runs_started ON hookpoint_runs (started_at);
      CREATE TABLE IF NOT EXISTS hookpoint_state (
        hook_id TEXT PRIMARY KEY,
        enabled INTEGER NOT NULL
      )
      """,
      // 2: the live settings operators changed (the dashboard's Settings page)
      """
      CREATE TABLE IF NOT EXISTS hookpoint_settings (
        setting_key TEXT PRIMARY KEY,
        setting_value TEXT NOT NULL
      )
      """,
      // 3: the runs table rebuilt so that it means the same on PostgreSQL as on SQLite. run_seq orders runs of the
      // same start as they were recorded (step 1 relied on SQLite's rowid, which PostgreSQL has not), and
      // duration_micros is BIGINT (PostgreSQL's INTEGER has 32 bits: 36 minutes). Neither SQLite nor PostgreSQL
      // can change a column's type in place in the same words, so the table is copied. The runs kept so far get
      // run_seq in the order of their start; ties (in rowid order before) by run id, as no portable SQL sees rowid.
      """
      CREATE TABLE hookpoint_runs_v3 (
        run_id TEXT PRIMARY KEY,
        hook_id TEXT NOT NULL,
        event TEXT NOT NULL,
        started_at TEXT NOT NULL,
        run_seq BIGINT NOT NULL,
        duration_micros BIGINT NOT NULL,
        status TEXT NOT NULL,
        modified INTEGER NOT NULL,
        changes TEXT NOT NULL,
        message TEXT NOT NULL,
        error_category TEXT,
        error_message TEXT,
        error_file TEXT,
        error_line INTEGER,
        logs TEXT NOT NULL,
        dry_run INTEGER NOT NULL
      );
      INSERT INTO hookpoint_runs_v3 (run_id, hook_id, event, started_at, run_seq, duration_micros, status,
        modified, changes, message, error_category, error_message, error_file, error_line, logs, dry_run)
      SELECT run_id, hook_id, event, started_at, ROW_NUMBER() OVER (ORDER BY started_at, run_id), duration_micros,
        status, modified, changes, message, error_category, error_message, error_file, error_line, logs, dry_run
      FROM hookpoint_runs;
      DROP TABLE hookpoint_runs;
      ALTER TABLE hookpoint_runs_v3 RENAME TO hookpoint_runs;
      CREATE INDEX hookpoint_runs_started ON hookpoint_runs (started_at);
      CREATE INDEX hookpoint_runs_seq ON hookpoint_runs (run_seq)
      """);

  private StoreSchema() {}

  /** Tries of a migration that met another process's at the same moment (below). */
  private static final int ATTEMPTS = 3;

  /**
   * Creates or migrates the tables, in one transaction, so that two processes starting at once migrate once. On
   * SQLite the transaction holds the write lock from its start. On PostgreSQL the first statement after creating
   * {@code hookpoint_schema} locks its rows, so a second process waits for the first to commit and then reads the
   * version the first wrote. Only the very first creation of {@code hookpoint_schema} can still collide: PostgreSQL
   * refuses the second {@code CREATE TABLE IF NOT EXISTS} until the first commits, and then a new try finds it.
   */
  static void migrate(DataSource dataSource, String where) {
    JdbcAccess database = new JdbcAccess(dataSource, where);
    for (int attempt = 1; ; attempt++) {
      try {
        database.transaction(connection -> {
          apply(connection, where);
          return null;
        });
        return;
      } catch (StoreException e) {
        if (attempt == ATTEMPTS || !collided(e)) {
          throw e;
        }
      }
    }
  }

  private static void apply(Connection connection, String where) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS hookpoint_schema (version INTEGER NOT NULL)");
      statement.executeUpdate("UPDATE hookpoint_schema SET version = version");
      int current = current(connection);
      if (current > STEPS.size()) {
        throw StoreException.newer(where, current, STEPS.size());
      }
      for (int version = current + 1; version <= STEPS.size(); version++) {
        for (String sql : STEPS.get(version - 1).split(";")) {
          if (!sql.isBlank()) {
            statement.execute(sql);
          }
        }
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO hookpoint_schema (version) VALUES (?)")) {
          insert.setInt(1, version);
          insert.executeUpdate();
        }
      }
    }
  }

  /**
   * Whether another process created the same table at the same moment. PostgreSQL says so in three ways, by where
   * in its catalog the two met: a duplicate key (SQL state class 23, integrity constraint violation),
   * {@code duplicate_table} (42P07), or {@code duplicate_object} (42710, the table's row type).
   */
  private static boolean collided(StoreException e) {
    String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    return state != null && (state.startsWith("23") || state.equals("42P07") || state.equals("42710"));
  }

  private static int current(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT MAX(version) FROM hookpoint_schema");
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }
}
