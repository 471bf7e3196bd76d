package dev.hookpoint.runtime.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.RunStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hook runs kept in a JDBC database (table {@code hookpoint_runs}), so that {@code hooks runs} in another process
 * sees them. It keeps the newest {@code maxRuns}: older runs are deleted every {@value #PRUNE_EVERY} records, so a
 * flood of events cannot fill the disk. Recording only queues the run for the store's own thread, which writes in
 * batches (so a hook's run does not wait for the disk); reading waits for what was queued before. Recording never
 * throws into the host: a failed write is logged.
 */
public final class JdbcRunStore implements RunStore, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcRunStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int PRUNE_EVERY = 64;
  /** Fixed width, so that the text sorts as the instants do. */
  private static final DateTimeFormatter STARTED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final JdbcAccess database;
  private final int maxRuns;
  private final AtomicLong recorded = new AtomicLong();
  private final RunQueue queue;
  /** Orders runs that started in the same nanosecond: SQLite's insertion order, else the run id. */
  private final String tieBreak;

  /**
   * Creates or migrates the tables on {@code dataSource}.
   *
   * @param where names the database in messages: its file, or what the host calls it
   * @param maxRuns how many runs to keep
   * @throws StoreException when the database cannot be used
   */
  public JdbcRunStore(DataSource dataSource, String where, int maxRuns) {
    if (maxRuns <= 0) {
      throw new IllegalArgumentException("maxRuns must be positive: " + maxRuns);
    }
    StoreSchema.migrate(dataSource, where);
    this.database = new JdbcAccess(dataSource, where);
    this.tieBreak = database.run(connection -> connection.getMetaData().getDatabaseProductName()
        .toLowerCase(java.util.Locale.ROOT).contains("sqlite") ? "rowid" : "run_id");
    this.maxRuns = maxRuns;
    this.queue = new RunQueue(this::insert, "hookpoint-run-store");
  }

  /** Writes the runs still queued and stops the store's thread; the runtime closes the stores it made. */
  @Override
  public void close() {
    queue.close();
  }

  /** Queues the run; the store's own thread writes it. */
  @Override
  public void record(RunRecord run) {
    queue.add(run);
  }

  /** Writes a batch in one transaction, then prunes now and then. Never throws: the host's work goes on. */
  private void insert(List<RunRecord> runs) {
    try {
      database.transaction(connection -> {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hookpoint_runs (run_id, hook_id, "
            + "event, started_at, duration_micros, status, modified, changes, message, error_category, "
            + "error_message, error_file, error_line, logs, dry_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?)")) {
          for (RunRecord run : runs) {
            bind(insert, run);
            insert.addBatch();
          }
          return insert.executeBatch();
        }
      });
      long after = recorded.addAndGet(runs.size());
      if ((after - runs.size()) / PRUNE_EVERY != after / PRUNE_EVERY) {
        prune();
      }
    } catch (RuntimeException e) {
      // The history must never break the host's own work.
      LOG.error("could not record {} hook run(s), the first {} of {}: {}", runs.size(), runs.get(0).runId(),
          runs.get(0).hookId(), e.getMessage());
    }
  }

  private static void bind(PreparedStatement insert, RunRecord run) throws SQLException {
    insert.setString(1, run.runId());
    insert.setString(2, run.hookId());
    insert.setString(3, run.event());
    insert.setString(4, STARTED_AT.format(run.startedAt()));
    insert.setLong(5, run.durationMicros());
    insert.setString(6, run.status().name());
    // INTEGER columns: PostgreSQL refuses a boolean for them, SQLite stores either as 0 or 1.
    insert.setInt(7, run.modified() ? 1 : 0);
    insert.setString(8, json(run.changes()));
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
    insert.setString(14, json(run.logs()));
    insert.setInt(15, run.dryRun() ? 1 : 0);
  }

  /** Deletes every run older than the newest {@code maxRuns}. */
  void prune() {
    database.run(connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM hookpoint_runs WHERE started_at < "
          + "(SELECT started_at FROM hookpoint_runs ORDER BY started_at DESC LIMIT 1 OFFSET ?)")) {
        delete.setInt(1, maxRuns - 1);
        return delete.executeUpdate();
      }
    });
  }

  /** The newest runs, once every run recorded before the call is written. */
  @Override
  public List<RunRecord> recent(int limit) {
    queue.flush();
    return database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT * FROM hookpoint_runs ORDER BY started_at DESC, " + tieBreak + " DESC LIMIT ?")) {
        select.setInt(1, limit);
        try (ResultSet rows = select.executeQuery()) {
          List<RunRecord> runs = new ArrayList<>();
          while (rows.next()) {
            runs.add(run(rows));
          }
          return runs;
        }
      }
    });
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
        read(rows.getString("changes"), new TypeReference<Map<String, Object>>() {}), rows.getString("message"),
        error, read(rows.getString("logs"), new TypeReference<List<String>>() {}), rows.getBoolean("dry_run"));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not plain data: " + e.getOriginalMessage(), e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) throws SQLException {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored run is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

}
