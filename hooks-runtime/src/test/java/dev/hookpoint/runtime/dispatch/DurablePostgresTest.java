package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.RealPostgres;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Durable delivery on a real PostgreSQL server: retries, and two instances sharing one database. */
@Timeout(120)
class DurablePostgresTest {

  private static final String YAML = "async:\n  poll_interval_ms: 50\n  retry_backoff_ms: 100\n";
  @RegisterExtension static final RealPostgres POSTGRES = new RealPostgres();

  @TempDir
  Path root;



  private HookRuntime instance(DataSource database) {
    // Runs and switches in memory: each instance's own runs are what the test counts.
    return HookRuntime.builder(TestRuntime.config(root, YAML)).hookPoints(List.of(TestRuntime.ON))
        .standardExecutors().inMemoryStores().dataSource(database).closeOnShutdown(false).build().start();
  }

  private static List<RunRecord> runs(HookRuntime runtime) {
    return runtime.runStore().recent(10_000);
  }

  @Test
  void deadRunsAreKeptTakenOnceAndPrunedOnPostgresqlToo() throws Exception {
    DataSource database = POSTGRES.cluster().dataSource();
    try (java.sql.Connection connection = database.getConnection()) {
      DeadRuns.create(connection);
    }
    DeadRuns dead = new DeadRuns(database, 2);
    for (int i = 1; i <= 3; i++) {
      dead.keep("pg-run-" + i, "on_media_added/01_a.lua", "{\"n\":" + i + "}");
      Thread.sleep(2);
    }
    assertEquals(false, dead.contains("pg-run-1"), "the oldest pruned");
    assertEquals(java.util.Optional.of("{\"n\":3}"), dead.take("pg-run-3"));
    assertEquals(java.util.Optional.empty(), dead.take("pg-run-3"));
    assertTrue(dead.contains("pg-run-2"));
  }

  @Test
  void aFailingRunIsTriedAgainWithTheSameEventId() throws Exception {
    TestRuntime.write(root, "on_media_added/01_flaky.lua", """
        function execute(event, context)
          log.info(context.event_id .. " " .. context.attempt)
          if context.attempt < 2 then error("webhook down") end
          return { message = "delivered" }
        end
        """);
    try (HookRuntime runtime = instance(POSTGRES.cluster().dataSource())) {
      HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
      handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "Heat"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (runs(runtime).size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<RunRecord> runs = new ArrayList<>(runs(runtime));
      java.util.Collections.reverse(runs);
      assertEquals(List.of(RunStatus.EXECUTION_ERROR, RunStatus.OK), runs.stream().map(RunRecord::status).toList(),
          runs::toString);
      String eventId = runs.get(0).logs().get(0).split(" ")[1];
      assertEquals(List.of("INFO " + eventId + " 2"), runs.get(1).logs());
    }
  }

  @Test
  void twoInstancesStartingAtOnceOnANewDatabaseBothGetTheTaskTable() throws Exception {
    try (java.sql.Connection connection = POSTGRES.cluster().dataSource().getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + TaskTable.NAME);
    }
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.Callable<Void> create = () -> {
      together.await(10, TimeUnit.SECONDS);
      TaskTable.create(POSTGRES.cluster().dataSource(), "the host's data source");
      return null;
    };
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var one = threads.submit(create);
      var two = threads.submit(create);
      one.get(30, TimeUnit.SECONDS);
      two.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void twoInstancesOnOneDatabaseRunEveryStoredRunExactlyOnceBetweenThem() throws Exception {
    TestRuntime.write(root, "on_media_added/01_record.lua", """
        function execute(event, context)
          local x = 0
          for i = 1, 20000 do x = x + i end
          log.info(event.media.title)
          return { message = "done" }
        end
        """);
    int events = 300;
    try (HookRuntime first = instance(POSTGRES.cluster().dataSource()); HookRuntime second = instance(POSTGRES.cluster().dataSource())) {
      HookPointHandle<MediaEvent, MediaEvent.Changes> handle = first.dispatcher().handle(TestRuntime.ON);
      long started = System.nanoTime();
      for (int i = 0; i < events; i++) {
        handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t" + i));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (runs(first).size() + runs(second).size() < events && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(500);
      List<String> titles = Stream.concat(runs(first).stream(), runs(second).stream())
          .map(run -> run.logs().get(0)).toList();
      System.out.printf("two instances on PostgreSQL: %d events, %d runs by the first, %d by the second, %d ms%n",
          events, runs(first).size(), runs(second).size(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      assertEquals(events, titles.stream().distinct().count(), "every stored run ran");
      assertEquals(events, titles.size(), "none ran twice while both were alive");
      assertTrue(!runs(second).isEmpty(), "the second instance took its share of the first one's events");
    }
  }
}
