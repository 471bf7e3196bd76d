package dev.hookpoint.runtime.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Hook switches and live settings kept in a JDBC database (tables {@code hookpoint_state} and
 * {@code hookpoint_settings}), so that {@code hooks disable} in one process
 * holds for the host in another and after restarts. Every call reads or writes the database: no cache to go stale.
 */
public final class JdbcHookStateStore implements HookStateStore {

  private final JdbcAccess database;

  /**
   * Creates or migrates the tables on {@code dataSource}.
   *
   * @param where names the database in messages: its file, or what the host calls it
   * @throws StoreException when the database cannot be used
   */
  public JdbcHookStateStore(DataSource dataSource, String where) {
    StoreSchema.migrate(dataSource, where);
    this.database = new JdbcAccess(dataSource, where);
  }

  @Override
  public Set<String> disabled() {
    return database.run(connection -> {
      Set<String> disabled = new HashSet<>();
      try (PreparedStatement select = connection.prepareStatement(
              "SELECT hook_id FROM hookpoint_state WHERE enabled = 0");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          disabled.add(rows.getString(1));
        }
      }
      return Set.copyOf(disabled);
    });
  }

  /** Updates the hook's row, or adds one, in one transaction: plain SQL any JDBC database runs. */
  @Override
  public void setEnabled(String hookId, boolean enabled) {
    database.transaction(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE hookpoint_state SET enabled = ? WHERE hook_id = ?")) {
        // An INTEGER column: PostgreSQL refuses a boolean for it.
        update.setInt(1, enabled ? 1 : 0);
        update.setString(2, hookId);
        if (update.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO hookpoint_state (hook_id, enabled) VALUES (?, ?)")) {
        insert.setString(1, hookId);
        insert.setInt(2, enabled ? 1 : 0);
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Map<String, String> settings() {
    return database.run(connection -> {
      Map<String, String> settings = new TreeMap<>();
      try (PreparedStatement select = connection.prepareStatement(
              "SELECT setting_key, setting_value FROM hookpoint_settings");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          settings.put(rows.getString(1), rows.getString(2));
        }
      }
      return Map.copyOf(settings);
    });
  }

  /** All of them in one transaction, so another process reads the old set or the new one, never half of each. */
  @Override
  public void saveSettings(Map<String, String> settings) {
    database.transaction(connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM hookpoint_settings")) {
        delete.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO hookpoint_settings (setting_key, setting_value) VALUES (?, ?)")) {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
          insert.setString(1, setting.getKey());
          insert.setString(2, setting.getValue());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }
}
