package dev.hookpoint.runtime.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Hook switches kept in a JDBC database (table {@code hookpoint_state}), so that {@code hooks disable} in one process
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
        update.setBoolean(1, enabled);
        update.setString(2, hookId);
        if (update.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO hookpoint_state (hook_id, enabled) VALUES (?, ?)")) {
        insert.setString(1, hookId);
        insert.setBoolean(2, enabled);
        insert.executeUpdate();
      }
      return null;
    });
  }

}
