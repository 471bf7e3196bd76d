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
      """);

  private StoreSchema() {}

  /** Creates or migrates the tables, in one transaction: two processes starting at once migrate once. */
  static void migrate(DataSource dataSource, String where) {
    new JdbcAccess(dataSource, where).transaction(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS hookpoint_schema (version INTEGER NOT NULL)");
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
      return null;
    });
  }

  private static int current(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT MAX(version) FROM hookpoint_schema");
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }
}
