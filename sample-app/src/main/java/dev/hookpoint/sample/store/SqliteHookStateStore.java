package dev.hookpoint.sample.store;

import dev.hookpoint.runtime.history.HookStateStore;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Set;

/** Hook switches kept in the app's database, so that {@code hooks disable} lasts. */
public final class SqliteHookStateStore implements HookStateStore {

  private final Database database;

  public SqliteHookStateStore(Database database) {
    this.database = database;
  }

  @Override
  public Set<String> disabled() {
    return new HashSet<>(database.list("SELECT hook_id FROM hook_state WHERE enabled = 0",
        row -> row.getString(1)));
  }

  @Override
  public void setEnabled(String hookId, boolean enabled) {
    database.transaction(connection -> {
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO hook_state (hook_id, enabled) "
          + "VALUES (?, ?) ON CONFLICT (hook_id) DO UPDATE SET enabled = excluded.enabled")) {
        upsert.setString(1, hookId);
        upsert.setBoolean(2, enabled);
        return upsert.executeUpdate();
      }
    });
  }
}
