package dev.hookpoint.sample.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** The schema, as numbered steps applied once each, in order, each in its own transaction. */
final class Migrations {

  private static final List<String> STEPS = List.of(
      // 1: the library, downloads and files
      """
      CREATE TABLE media_items (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        title TEXT NOT NULL,
        year INTEGER,
        tmdb_id INTEGER,
        monitored INTEGER NOT NULL,
        quality_profile TEXT NOT NULL,
        preferred_release_groups TEXT NOT NULL,
        prefer_subbed INTEGER NOT NULL,
        exclude_dubbed INTEGER NOT NULL,
        search_query_suffix TEXT NOT NULL,
        metadata TEXT NOT NULL
      );
      CREATE TABLE episodes (
        id INTEGER PRIMARY KEY,
        media_item_id INTEGER NOT NULL REFERENCES media_items(id) ON DELETE CASCADE,
        season_number INTEGER NOT NULL,
        episode_number INTEGER NOT NULL,
        title TEXT NOT NULL,
        monitored INTEGER NOT NULL,
        has_file INTEGER NOT NULL,
        UNIQUE (media_item_id, season_number, episode_number)
      );
      CREATE TABLE downloads (
        id INTEGER PRIMARY KEY,
        media_item_id INTEGER NOT NULL REFERENCES media_items(id) ON DELETE CASCADE,
        release_title TEXT NOT NULL,
        client TEXT NOT NULL,
        category TEXT NOT NULL,
        status TEXT NOT NULL,
        progress INTEGER NOT NULL,
        save_path TEXT NOT NULL,
        error_message TEXT
      );
      CREATE TABLE media_files (
        id INTEGER PRIMARY KEY,
        media_item_id INTEGER NOT NULL REFERENCES media_items(id) ON DELETE CASCADE,
        download_id INTEGER REFERENCES downloads(id) ON DELETE SET NULL,
        path TEXT NOT NULL,
        size_mb INTEGER NOT NULL
      );
      """,
      // 2: what hooks did, and which are switched off
      """
      CREATE TABLE hook_runs (
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
      CREATE INDEX hook_runs_started ON hook_runs (started_at);
      CREATE TABLE hook_state (
        hook_id TEXT PRIMARY KEY,
        enabled INTEGER NOT NULL
      );
      """,
      // 3: the hook tables belong to Hookpoint's JDBC stores now, which adopt them under their own names (same
      // columns), so the runs and switches of databases made before are kept
      """
      DROP INDEX hook_runs_started;
      ALTER TABLE hook_runs RENAME TO hookpoint_runs;
      ALTER TABLE hook_state RENAME TO hookpoint_state;
      """);

  private Migrations() {}

  static void apply(Database database) {
    database.transaction(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      }
      return null;
    });
    int current = database.read(connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(version) FROM schema_version");
          ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    });
    for (int version = current + 1; version <= STEPS.size(); version++) {
      int step = version;
      database.transaction(connection -> {
        try (Statement statement = connection.createStatement()) {
          for (String sql : STEPS.get(step - 1).split(";")) {
            if (!sql.isBlank()) {
              statement.execute(sql);
            }
          }
          statement.execute("INSERT INTO schema_version (version) VALUES (" + step + ")");
        }
        return null;
      });
    }
  }
}
