package dev.hookpoint.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.HookContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What firing one durable event costs the host's thread (the wrapper, the event's wire form as JSON, db-scheduler
 * storing the task), beside its floor in the same run: a bare JDBC insert of the same row (the same columns and
 * task data, a fresh id) into {@code hookpoint_tasks}. The instance loads its hook but its scheduler is not
 * started, so neither side competes with hooks running; the table is emptied after each iteration (not measured).
 * The floor holds its connection as cheaply as the database allows: on SQLite one connection opened at setup, on
 * PostgreSQL the same HikariCP pool the runtime uses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class DurableInsertBenchmark {

  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INSERT = "INSERT INTO hookpoint_tasks (task_name, task_instance, task_data, "
      + "execution_time, picked, version) VALUES (?, ?, ?, ?, ?, ?)";

  /** The smoke test runs the first; it runs PostgreSQL by setting the field. */
  @Param({"sqlite", "postgresql"})
  public String database = "sqlite";

  private DurableHosts hosts;
  private DataSource dataSource;
  /** SQLite only: the floor's one connection, open for the whole trial. */
  private Connection kept;
  private byte[] data;
  private final BenchService.MediaItem item = new BenchService.MediaItem(1, BenchService.Kind.TV_SHOW,
      "Attack on Titan", 2013, 1429L, true, "HD-1080p", List.of(), new BenchService.SearchSettings(false, false),
      Map.of());

  @Setup(Level.Trial)
  public void setUp() throws JsonProcessingException, SQLException {
    hosts = new DurableHosts(database, 1, "", false);
    dataSource = hosts.database().dataSource(0);
    if (database.equals("sqlite")) {
      kept = dataSource.getConnection();
    }
    data = taskData(OnBenchEventEvent.of(new HookContext(null, Map.of(), false), item).toWire());
  }

  /** The task data the runtime stores for the one hook: the run around the event's wire form, as JSON. */
  static byte[] taskData(Map<String, Object> wire) throws JsonProcessingException {
    String eventId = UUID.randomUUID().toString();
    Map<String, Object> payload = new LinkedHashMap<>(wire);
    Map<String, Object> context = new LinkedHashMap<>();
    if (wire.get("context") instanceof Map<?, ?> given) {
      given.forEach((key, value) -> context.put(String.valueOf(key), value));
    }
    context.put("event_id", eventId);
    payload.put("context", context);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("event", OnBenchEventEvent.NAME);
    run.put("hook", "on_bench_event/01_count.lua");
    run.put("event_id", eventId);
    run.put("payload", payload);
    return JSON.writeValueAsString(run).getBytes(StandardCharsets.UTF_8);
  }

  /** The task data of every stored row, fired or bare, for the smoke test. */
  List<String> storedData() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT task_data FROM hookpoint_tasks")) {
      List<String> data = new java.util.ArrayList<>();
      while (rows.next()) {
        data.add(new String(rows.getBytes(1), StandardCharsets.UTF_8));
      }
      return data;
    }
  }

  @TearDown(Level.Iteration)
  public void empty() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM hookpoint_tasks");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    if (kept != null) {
      kept.close();
    }
    hosts.close();
  }

  /** The host fires one event: its one hook becomes one stored task. */
  @Benchmark
  public void fire() {
    hosts.fire(item);
  }

  /** The floor: the same row, inserted with plain JDBC. */
  @Benchmark
  public int bareInsert() throws SQLException {
    if (kept != null) {
      return insert(kept);
    }
    try (Connection connection = dataSource.getConnection()) {
      return insert(connection);
    }
  }

  private int insert(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
      statement.setString(1, "hookpoint-background");
      // An id of the runtime's form, a random UUID and the hook's index: where the key lands in the index is part
      // of what the insert costs.
      statement.setString(2, UUID.randomUUID() + "/0");
      statement.setObject(3, data);
      Instant now = Instant.now();
      if (kept != null) {
        // As db-scheduler writes it on each: a zone-less UTC timestamp on SQLite, with a zone on PostgreSQL.
        statement.setTimestamp(4, Timestamp.from(now), UTC);
      } else {
        statement.setObject(4, now.atOffset(ZoneOffset.UTC));
      }
      statement.setBoolean(5, false);
      statement.setLong(6, 1L);
      return statement.executeUpdate();
    }
  }
}
