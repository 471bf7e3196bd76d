package dev.hookpoint.sample.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.history.RunStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hook runs kept in the app's database, so that a later {@code hooks runs} sees them. */
public final class SqliteRunStore implements RunStore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteRunStore.class);

  private final Database database;

  public SqliteRunStore(Database database) {
    this.database = database;
  }

  @Override
  public void record(RunRecord run) {
    try {
      database.transaction(connection -> {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hook_runs (run_id, hook_id, event, "
            + "started_at, duration_micros, status, modified, changes, message, error_category, error_message, "
            + "error_file, error_line, logs, dry_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setString(1, run.runId());
          insert.setString(2, run.hookId());
          insert.setString(3, run.event());
          insert.setString(4, run.startedAt().toString());
          insert.setLong(5, run.durationMicros());
          insert.setString(6, run.status().name());
          insert.setBoolean(7, run.modified());
          insert.setString(8, Json.write(run.changes()));
          insert.setString(9, run.message());
          HookError error = run.error();
          insert.setString(10, error == null ? null : error.category());
          insert.setString(11, error == null ? null : error.message());
          insert.setString(12, error == null ? null : error.file());
          if (error == null || error.line() == null) {
            insert.setNull(13, Types.INTEGER);
          } else {
            insert.setInt(13, error.line());
          }
          insert.setString(14, Json.write(run.logs()));
          insert.setBoolean(15, run.dryRun());
          return insert.executeUpdate();
        }
      });
    } catch (RuntimeException e) {
      // The history must never break the host's own work.
      LOG.error("could not record hook run {} of {}: {}", run.runId(), run.hookId(), e.getMessage());
    }
  }

  @Override
  public List<RunRecord> recent(int limit) {
    return database.list("SELECT * FROM hook_runs ORDER BY started_at DESC, rowid DESC LIMIT ?",
        SqliteRunStore::run, limit);
  }

  private static RunRecord run(ResultSet rows) throws SQLException {
    String category = rows.getString("error_category");
    int line = rows.getInt("error_line");
    Integer errorLine = rows.wasNull() ? null : line;
    HookError error = category == null ? null
        : new HookError(category, rows.getString("error_message"), rows.getString("error_file"), errorLine);
    return new RunRecord(rows.getString("run_id"), rows.getString("hook_id"), rows.getString("event"),
        Instant.parse(rows.getString("started_at")), rows.getLong("duration_micros"),
        RunStatus.valueOf(rows.getString("status")), rows.getBoolean("modified"),
        Json.read(rows.getString("changes"), new TypeReference<Map<String, Object>>() {}), rows.getString("message"),
        error, Json.read(rows.getString("logs"), new TypeReference<List<String>>() {}), rows.getBoolean("dry_run"));
  }
}
