package dev.hookpoint.runtime.dispatch;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.hookpoint.runtime.config.HookpointConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;

/** The db-scheduler instance behind {@link DurableDelivery}, set up for the database it polls. */
final class DurableScheduler {

  private DurableScheduler() {}

  static Scheduler build(DataSource database, TaskTable.Kind kind, OneTimeTask<String> task,
      HookpointConfig.Async config, ExecutorService pool) {
    SchedulerBuilder builder = Scheduler.create(database, task)
        .tableName(TaskTable.NAME)
        .serializer(new Text())
        // A fixed name: the default asks the network for this host's name.
        .schedulerName(new SchedulerName.Fixed("hookpoint-" + ProcessHandle.current().pid() + "-"
            + UUID.randomUUID().toString().substring(0, 8)))
        .threads(config.threads())
        .executorService(pool)
        .pollingInterval(Duration.ofMillis(config.pollIntervalMs()))
        .enableImmediateExecution()
        .heartbeatInterval(Duration.ofMillis(config.heartbeatMs()))
        // HookRunner has logged the failure already, with the hook's id.
        .failureLogging(LogLevel.DEBUG, false)
        .shutdownMaxWait(Duration.ofMillis(Math.max(1, config.drainTimeoutMs())));
    PollingStrategyConfig polling = polling(kind);
    if (polling.type == PollingStrategyConfig.Type.LOCK_AND_FETCH) {
      builder.pollUsingLockAndFetch(polling.lowerLimitFractionOfThreads, polling.upperLimitFractionOfThreads);
    } else {
      builder.pollUsingFetch(polling.lowerLimitFractionOfThreads, polling.upperLimitFractionOfThreads);
    }
    return builder.build();
  }

  /**
   * How due runs are found. PostgreSQL: lock-and-fetch, one {@code UPDATE ... FOR UPDATE SKIP LOCKED ...
   * RETURNING} that picks a batch, instead of a select and then an update per run, and two instances never race
   * for the same run. db-scheduler's own fractions (fetch down to half the threads, up to as many as threads).
   *
   * <p>SQLite has no {@code SKIP LOCKED}, and db-scheduler 16.12 offers it only the plain fetch (a select, then
   * each run picked by its own update). Fetched ten runs a thread instead of db-scheduler's three, because on SQLite
   * every statement waits its turn for the one connection ({@link SharedConnection}): fewer selects, more picks
   * between them (about +15 to +30 % events/s in {@code DurableBenchmark}, docs/benchmarks.md). A bigger batch does
   * not hold runs back: a fetched run that another instance picked first is skipped, and one that this instance
   * has not reached yet is not picked, so it stays free for others.
   */
  static PollingStrategyConfig polling(TaskTable.Kind kind) {
    return kind == TaskTable.Kind.POSTGRESQL
        ? new PollingStrategyConfig(PollingStrategyConfig.Type.LOCK_AND_FETCH, 0.5, 1.0)
        : new PollingStrategyConfig(PollingStrategyConfig.Type.FETCH, 0.5, 10.0);
  }

  /** Task data as UTF-8 JSON text, readable in the table, instead of Java serialization. */
  static final class Text implements Serializer {
    @Override
    public byte[] serialize(Object data) {
      return ((String) data).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] data) {
      return type.cast(new String(data, StandardCharsets.UTF_8));
    }
  }
}
