package dev.hookpoint.runtime.dispatch;

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
    if (kind == TaskTable.Kind.POSTGRESQL) {
      builder.pollUsingLockAndFetch(0.5, 1.0);
    }
    return builder.build();
  }

  /** Task data as UTF-8 JSON text, readable in the table, instead of Java serialization. */
  private static final class Text implements Serializer {
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
