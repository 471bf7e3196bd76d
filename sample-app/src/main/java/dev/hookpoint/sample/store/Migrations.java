package dev.hookpoint.sample.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
      // 2: was the app's own hook_runs and hook_state; Hookpoint's stores keep them now, in their own tables
      "",
      // 3: a database made when step 2 made those tables hands them to Hookpoint's stores (same columns), so its
      // runs and switches are kept; see ADOPTED
      """
      DROP INDEX hook_runs_started;
      ALTER TABLE hook_runs RENAME TO hookpoint_runs;
      ALTER TABLE hook_state RENAME TO hookpoint_state;
      """);

  /** The step that renames the old hook tables: only where step 2 made them. */
  private static final int ADOPTED = 3;

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
          String steps = step == ADOPTED && !hasTable(connection, "hook_runs") ? "" : STEPS.get(step - 1);
          for (String sql : steps.split(";")) {
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

  private static boolean hasTable(Connection connection, String name) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
