package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.history.SqliteStores;
import dev.hookpoint.runtime.testing.Await;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the durable delivery's scheduler uses each database. */
@Timeout(60)
class DurableSchedulerTest {

  @TempDir Path root;

  @Test
  void postgresqlPicksABatchInOneStatementAndSqliteFetchesTenRunsAThread() {
    PollingStrategyConfig postgres = DurableScheduler.polling(TaskTable.Kind.POSTGRESQL);
    assertEquals(PollingStrategyConfig.Type.LOCK_AND_FETCH, postgres.type);
    PollingStrategyConfig sqlite = DurableScheduler.polling(TaskTable.Kind.SQLITE);
    assertEquals(PollingStrategyConfig.Type.FETCH, sqlite.type);
    assertEquals(20, sqlite.getUpperLimit(2));
  }

  @Test
  void onSqliteTheSchedulerDoesNotOpenTheHostsFileForEachStatement() throws Exception {
    AtomicInteger opened = new AtomicInteger();
    DataSource file = SqliteStores.dataSource(root.resolve("host.db"));
    DataSource counting = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            opened.incrementAndGet();
          }
          return method.invoke(file, args);
        });
    TestRuntime.write(root, "on_media_added/01_count.lua", "function execute(event) return {} end");
    int events = 40;
    // Runs and switches in memory: every connection counted is the delivery's.
    try (HookRuntime runtime = HookRuntime.builder(TestRuntime.config(root, "async:\n  poll_interval_ms: 50\n"))
        .hookPoints(List.of(TestRuntime.ON)).standardExecutors().inMemoryStores().dataSource(counting)
        .closeOnShutdown(false).build().start()) {
      AtomicInteger ran = new AtomicInteger();
      runtime.listen(run -> ran.incrementAndGet());
      var handle = runtime.dispatcher().handle(TestRuntime.ON);
      for (int i = 0; i < events; i++) {
        handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t" + i));
      }
      // Counted by a listener: the background stats count the stored runs on a connection of their own.
      Await.until(() -> ran.get() == events, 20_000, "every stored run ran");
      int afterRuns = opened.get();
      Await.until(() -> runtime.backgroundStats().queued() == 0, 5_000, "nothing is left stored");
      opened.set(afterRuns);
    }
    // The tables, the one connection the scheduler keeps, and the pending-runs count (at most once a second):
    // not one or more for each of the 40 inserts, picks and deletes (192 connections without the shared one).
    assertTrue(opened.get() < events / 4, opened.get() + " connections opened");
  }
}
