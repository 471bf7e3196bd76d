package dev.hookpoint.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.HookContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * What firing one durable event costs the host's thread (the wrapper, the event's wire form as JSON, and
 * db-scheduler storing the task), beside its floor in the same run: a bare JDBC insert of the same row (the same
 * columns, the same task data, a fresh id) into {@code hookpoint_tasks} on the same data source. The instance's
 * scheduler runs the hook on both kinds of rows alike, so both pay the same background work; each iteration ends
 * with the table drained (not measured), so no backlog carries over.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class DurableInsertBenchmark {

  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The smoke test runs the first; it runs PostgreSQL by setting the field. */
  @Param({"sqlite", "postgresql"})
  public String database = "sqlite";

  private DurableHosts hosts;
  private DataSource dataSource;
  private String insert;
  private byte[] data;
  private long rows;
  private final String prefix = UUID.randomUUID().toString().substring(0, 8);
  private final BenchService.MediaItem item = new BenchService.MediaItem(1, BenchService.Kind.TV_SHOW,
      "Attack on Titan", 2013, 1429L, true, "HD-1080p", List.of(), new BenchService.SearchSettings(false, false),
      Map.of());

  @Setup(Level.Trial)
  public void setUp() throws JsonProcessingException {
    hosts = new DurableHosts(database, 1, "");
    dataSource = hosts.database().dataSource(0);
    insert = "INSERT INTO hookpoint_tasks (task_name, task_instance, task_data, execution_time, picked, version) "
        + "VALUES (?, ?, ?, ?, ?, ?)";
    data = taskData(OnBenchEventEvent.of(new HookContext(null, Map.of(), false), item).toWire());
  }

  /** The task data the runtime stores for the one hook: the run around the event's wire form, as JSON. */
  private static byte[] taskData(Map<String, Object> wire) throws JsonProcessingException {
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

  /** Every row of the iteration run by its hook and gone from the table. */
  @TearDown(Level.Iteration)
  public void drain() {
    hosts.awaitAll();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    hosts.close();
  }

  /** The host fires one event: its one hook becomes one stored task. */
  @Benchmark
  public void fire() {
    hosts.fire(item);
  }

  /** The floor: the same row, inserted with plain JDBC on a connection of the same data source. */
  @Benchmark
  public int bareInsert() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setString(1, "hookpoint-background");
      statement.setString(2, prefix + "-" + rows++ + "/0");
      statement.setObject(3, data);
      Instant now = Instant.now();
      if (database.equals("sqlite")) {
        statement.setTimestamp(4, Timestamp.from(now), UTC);
      } else {
        statement.setObject(4, now.atOffset(ZoneOffset.UTC));
      }
      statement.setBoolean(5, false);
      statement.setLong(6, 1L);
      int inserted = statement.executeUpdate();
      hosts.expectOne();
      return inserted;
    }
  }
}
