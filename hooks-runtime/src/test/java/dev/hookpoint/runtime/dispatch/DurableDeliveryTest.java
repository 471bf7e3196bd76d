package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.history.SqliteStores;
import dev.hookpoint.runtime.testing.Await;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Durable background delivery on a real SQLite file: retries, dead runs, and what a restart finds stored. */
@Timeout(60)
class DurableDeliveryTest {

  /** Fast enough for tests: the defaults poll every second and wait a second before the first retry. */
  private static final String FAST = "async:\n  poll_interval_ms: 50\n  retry_backoff_ms: 200\n";

  @TempDir
  Path root;
  private final List<HookRuntime> runtimes = new ArrayList<>();

  @AfterEach
  void close() {
    runtimes.forEach(HookRuntime::close);
  }

  private HookRuntime durable(String yaml) {
    HookRuntime runtime = HookRuntime.builder(TestRuntime.config(root, yaml))
        .hookPoints(List.of(TestRuntime.ON)).standardExecutors()
        .dataSource(SqliteStores.dataSource(root.resolve("host.db"))).closeOnShutdown(false).build().start();
    runtimes.add(runtime);
    return runtime;
  }

  private static void fire(HookRuntime runtime, String title) {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), title));
  }

  /** The runs of one hook, oldest first, once {@code done} holds for them (or the wait is over). */
  private static List<RunRecord> runsOf(HookRuntime runtime, String hookId, Predicate<List<RunRecord>> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<RunRecord> runs = runtime.runStore().recent(1_000).stream().filter(run -> run.hookId().equals(hookId))
          .sorted(Comparator.comparing(RunRecord::startedAt)).toList();
      if (done.test(runs) || System.nanoTime() > deadline) {
        return runs;
      }
      Thread.sleep(20);
    }
  }

  /** How many distinct events (by title) ran to the end. */
  private static long ran(List<RunRecord> runs) {
    return runs.stream().filter(run -> run.status() == RunStatus.OK).map(run -> run.logs().get(0)).distinct()
        .count();
  }

  private static List<RunStatus> statuses(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::status).toList();
  }

  private static long gapMillis(RunRecord earlier, RunRecord later) {
    return Duration.between(earlier.startedAt(), later.startedAt()).toMillis();
  }

  @Test
  void aHookThatFailsTwiceThenSucceedsEndsOkOnAttemptThreeWithTheSameEventIdAndTheOtherHookRunsOnce()
      throws Exception {
    TestRuntime.write(root, "on_media_added/01_flaky.lua", """
        function execute(event, context)
          log.info(context.event_id .. " " .. context.attempt)
          if context.attempt < 3 then error("webhook down") end
          return { message = "delivered" }
        end
        """);
    TestRuntime.write(root, "on_media_added/02_steady.lua", """
        function execute(event, context)
          log.info(context.event_id .. " " .. context.attempt)
          return { message = "fine" }
        end
        """);
    HookRuntime runtime = durable(FAST);
    fire(runtime, "Heat");

    List<RunRecord> flaky = runsOf(runtime, "on_media_added/01_flaky.lua", runs -> runs.size() >= 3);
    assertEquals(List.of(RunStatus.EXECUTION_ERROR, RunStatus.EXECUTION_ERROR, RunStatus.OK), statuses(flaky),
        flaky::toString);
    String eventId = flaky.get(0).logs().get(0).split(" ")[1];
    for (int i = 0; i < 3; i++) {
      assertEquals(List.of("INFO " + eventId + " " + (i + 1)), flaky.get(i).logs(), "attempt " + (i + 1));
    }
    List<RunRecord> steady = runsOf(runtime, "on_media_added/02_steady.lua", runs -> !runs.isEmpty());
    Thread.sleep(300);
    steady = runsOf(runtime, "on_media_added/02_steady.lua", runs -> true);
    assertEquals(List.of(RunStatus.OK), statuses(steady), "a retry of one hook never re-runs the others");
    assertEquals(List.of("INFO " + eventId + " 1"), steady.get(0).logs());
    Await.until(() -> runtime.backgroundStats().queued() == 0, 5_000, "nothing is left stored");
  }

  @Test
  void aHookThatAlwaysFailsEndsDeadAfterTheConfiguredAttemptsWithBackoffBetweenThem() throws Exception {
    TestRuntime.write(root, "on_media_added/01_down.lua", """
        function execute(event, context)
          error("webhook down")
        end
        """);
    HookRuntime runtime = durable(FAST + "  retries: 2\n");
    fire(runtime, "Heat");

    List<RunRecord> runs = runsOf(runtime, "on_media_added/01_down.lua", found -> found.size() >= 3);
    assertEquals(List.of(RunStatus.EXECUTION_ERROR, RunStatus.EXECUTION_ERROR, RunStatus.DEAD), statuses(runs),
        runs::toString);
    assertTrue(runs.get(2).message().startsWith("dead: execution_error on the last attempt"), runs.get(2).message());
    // Equal jitter: at least half of 200 ms, then of 400 ms.
    assertTrue(gapMillis(runs.get(0), runs.get(1)) >= 100, () -> "first backoff: " + runs);
    assertTrue(gapMillis(runs.get(1), runs.get(2)) >= 200, () -> "second backoff, doubled: " + runs);
    Thread.sleep(800);
    assertEquals(3, runsOf(runtime, "on_media_added/01_down.lua", found -> true).size(), "dead is not tried again");
    Await.until(() -> runtime.backgroundStats().queued() == 0, 5_000, "a dead run is not left stored");
    assertEquals(3, runtime.metrics().of("on_media_added/01_down.lua").errors(), "dead counts as an error");
    assertEquals(1L, runtime.metrics().of("on_media_added/01_down.lua").errorsByCategory().get("dead"));
  }

  @Test
  void aHooksOwnRetriesLowerTheConfiguredCountButNeverRaiseIt() throws Exception {
    TestRuntime.write(root, "on_media_added/01_once.lua", """
        hook = { name = "once", retries = 0 }
        function execute(event, context) error("webhook down") end
        """);
    TestRuntime.write(root, "on_media_added/02_greedy.lua", """
        hook = { name = "greedy", retries = 9 }
        function execute(event, context) error("webhook down") end
        """);
    Path shell = TestRuntime.write(root, "on_media_added/03_twice.sh", "#!/bin/sh\n# retries: 1\nexit 1\n");
    java.nio.file.Files.setPosixFilePermissions(shell, java.nio.file.attribute.PosixFilePermissions.fromString(
        "rwx------"));
    HookRuntime runtime = durable("async:\n  poll_interval_ms: 50\n  retry_backoff_ms: 20\n  retries: 2\n"
        + "process:\n  sandbox: none\n");
    fire(runtime, "Heat");
    assertEquals(List.of(RunStatus.DEAD), statuses(runsOf(runtime, "on_media_added/01_once.lua",
        runs -> !runs.isEmpty())), "retries = 0: dead on its only attempt");
    assertEquals(List.of(RunStatus.EXECUTION_ERROR, RunStatus.DEAD), statuses(runsOf(runtime,
        "on_media_added/03_twice.sh", runs -> runs.size() >= 2)), "# retries: 1 in a script's header");
    assertEquals(List.of(RunStatus.EXECUTION_ERROR, RunStatus.EXECUTION_ERROR, RunStatus.DEAD), statuses(runsOf(
        runtime, "on_media_added/02_greedy.lua", runs -> runs.size() >= 3)), "9 cannot raise the configured 2");
    Await.until(() -> runtime.backgroundStats().queued() == 0, 5_000, "all three are done");
    assertEquals(3, runsOf(runtime, "on_media_added/02_greedy.lua", runs -> true).size());
  }

  @Test
  void aDeadRunRunsAgainOnceItsCauseIsFixedWithTheSameEventIdAndAttemptsFromOne() throws Exception {
    String hookId = "on_media_added/01_down.lua";
    TestRuntime.write(root, hookId, """
        function execute(event, context)
          log.info(context.event_id .. " " .. context.attempt)
          error("webhook down")
        end
        """);
    HookRuntime runtime = durable(FAST + "  retries: 1\n");
    fire(runtime, "Heat");
    List<RunRecord> runs = runsOf(runtime, hookId, found -> found.size() >= 2);
    assertEquals(List.of(RunStatus.EXECUTION_ERROR, RunStatus.DEAD), statuses(runs), runs::toString);
    RunRecord dead = runs.get(1);
    String eventId = dead.logs().get(0).split(" ")[1];
    // Kept right after its record is published.
    Await.until(() -> runtime.canRunAgain(dead.runId()), 5_000, "the dead run is kept");
    assertFalse(runtime.canRunAgain(runs.get(0).runId()), "an attempt before the last is not a dead run");

    TestRuntime.write(root, hookId, """
        function execute(event, context)
          log.info(context.event_id .. " " .. context.attempt)
          return { message = "delivered" }
        end
        """);
    runtime.reload(); // the cause is fixed
    runtime.runAgain(dead.runId());
    List<RunRecord> after = runsOf(runtime, hookId, found -> found.size() >= 3);
    assertEquals(RunStatus.OK, after.get(2).status(), after::toString);
    assertEquals(List.of("INFO " + eventId + " 1"), after.get(2).logs(), "the same event id, attempts from 1");
    assertFalse(runtime.canRunAgain(dead.runId()));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> runtime.runAgain(dead.runId()));
    assertTrue(twice.getMessage().startsWith("[hookpoint:no-dead-run] no dead run '" + dead.runId() + "'"),
        twice.getMessage());
    Await.until(() -> runtime.backgroundStats().queued() == 0, 5_000, "nothing is left stored");
  }

  /** Runs stored as another instance would, due in a year: pending, and never picked while the test runs. */
  private void storeFarOffRuns(int count) {
    com.github.kagkarlsson.scheduler.task.helper.OneTimeTask<String> stored =
        com.github.kagkarlsson.scheduler.task.helper.Tasks.oneTime(DurableDelivery.TASK, String.class)
            .execute((instance, context) -> { });
    com.github.kagkarlsson.scheduler.SchedulerClient client = com.github.kagkarlsson.scheduler.SchedulerClient
        .Builder.create(SqliteStores.dataSource(root.resolve("host.db")), stored).tableName(TaskTable.NAME).build();
    for (int i = 0; i < count; i++) {
      client.schedule(stored.instance("far-off-" + i, "{}"), java.time.Instant.now().plus(Duration.ofDays(365)));
    }
  }

  private static final String NOTE = """
      function execute(event, context)
        log.info(event.media.title)
        return { message = "noted" }
      end
      """;

  @Test
  void pastMaxPendingAnEventIsDroppedAndRecordedLostNamingTheSetting() throws Exception {
    TestRuntime.write(root, "on_media_added/01_note.lua", NOTE);
    HookRuntime runtime = durable(FAST + "  max_pending: 3\n");
    storeFarOffRuns(3);
    fire(runtime, "Heat");
    List<RunRecord> runs = runsOf(runtime, "on_media_added/01_note.lua", found -> !found.isEmpty());
    assertEquals(List.of(RunStatus.LOST), statuses(runs), runs::toString);
    String reason = runs.get(0).error().message();
    assertTrue(reason.startsWith("[hookpoint:delivery-full] 3 background runs are stored and not finished "
        + "(hooks.async.max_pending = 3)"), reason);
    assertEquals(3, runtime.backgroundStats().queued(), "not stored");
  }

  @Test
  void pastMaxPendingWithCallerRunsTheHooksRunOnTheCallersThreadAndNothingIsLost() throws Exception {
    TestRuntime.write(root, "on_media_added/01_note.lua", NOTE);
    HookRuntime runtime = durable(FAST + "  max_pending: 3\n  when_full: caller_runs\n");
    storeFarOffRuns(3);
    fire(runtime, "Heat");
    // No waiting: the run is recorded by the time fireAsync returns.
    List<RunRecord> runs = runsOf(runtime, "on_media_added/01_note.lua", found -> true);
    assertEquals(List.of(RunStatus.OK), statuses(runs), runs::toString);
    assertEquals(List.of("INFO Heat"), runs.get(0).logs());
    assertEquals(3, runtime.backgroundStats().queued(), "run, not stored");
  }

  @Test
  void aProcessHookSeesTheSameEventIdOnEveryAttemptAndWhichAttemptItIs() throws Exception {
    Path hook = TestRuntime.write(root, "on_media_added/01_flaky.sh", """
        #!/bin/sh
        echo "$HOOK_EVENT_ID $HOOK_ATTEMPT" >&2
        [ "$HOOK_ATTEMPT" -ge 2 ] || exit 1
        """);
    java.nio.file.Files.setPosixFilePermissions(hook, java.nio.file.attribute.PosixFilePermissions.fromString(
        "rwx------"));
    HookRuntime runtime = durable(FAST + "process:\n  sandbox: none\n");
    fire(runtime, "Heat");
    List<RunRecord> runs = runsOf(runtime, "on_media_added/01_flaky.sh", found -> found.size() >= 2);
    assertEquals(List.of(RunStatus.EXECUTION_ERROR, RunStatus.OK), statuses(runs), runs::toString);
    String eventId = runs.get(1).logs().get(0).split(" ")[1];
    assertEquals(36, eventId.length(), "a UUID: " + eventId);
    assertTrue(runs.get(0).logs().contains("INFO " + eventId + " 1"), runs.get(0).logs()::toString);
    assertEquals(List.of("INFO " + eventId + " 2"), runs.get(1).logs());
  }

  @Test
  void anEventThatCannotBeStoredIsRecordedLostAndTheHostsCallGoesOn() throws Exception {
    TestRuntime.write(root, "on_media_added/01_any.lua", "function execute(event, context) return {} end\n");
    HookRuntime runtime = durable(FAST);
    try (java.sql.Connection connection = SqliteStores.dataSource(root.resolve("host.db")).getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE hookpoint_tasks");
    }
    fire(runtime, "Heat");
    List<RunRecord> runs = runsOf(runtime, "on_media_added/01_any.lua", found -> !found.isEmpty());
    assertEquals(List.of(RunStatus.LOST), statuses(runs), runs::toString);
    assertTrue(runs.get(0).error().message().startsWith("[hookpoint:delivery-failed] the event could not be stored"),
        runs.get(0).error().message());
  }

  @Test
  void aBackgroundEventFiredInADryRunRunsItsHooksAsADryRun() throws Exception {
    TestRuntime.write(root, "on_media_added/01_any.lua", "function execute(event, context) return {} end\n");
    HookRuntime runtime = durable(FAST);
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context().asDryRun(), "Heat"));
    List<RunRecord> runs = runsOf(runtime, "on_media_added/01_any.lua", found -> !found.isEmpty());
    assertEquals(1, runs.size(), runs::toString);
    assertTrue(runs.get(0).dryRun(), "recorded as a dry run");
  }

  @Test
  void aThreadTheWatchdogGivesUpOnIsReplacedSoLaterEventsStillRun() throws Exception {
    dev.hookpoint.runtime.testing.ScriptExecutor executor = new dev.hookpoint.runtime.testing.ScriptExecutor();
    TestRuntime.write(root, "on_media_added/01_wedge.hook", "# timeout_ms: 100\n{\"wedge_when\": \"stuck\"}");
    TestRuntime.write(root, "on_media_added/02_after.hook", "{}");
    HookRuntime runtime = HookRuntime.builder(TestRuntime.config(root, FAST + "  threads: 1\n"))
        .hookPoints(List.of(TestRuntime.ON)).executor(executor)
        .dataSource(SqliteStores.dataSource(root.resolve("host.db"))).closeOnShutdown(false).build().start();
    runtimes.add(runtime);
    try {
      fire(runtime, "stuck");
      List<RunRecord> after = runsOf(runtime, "on_media_added/02_after.hook", found -> !found.isEmpty());
      assertEquals(List.of(RunStatus.OK), statuses(after), "the other hook ran on the thread that took its place");
      assertEquals(1, runtime.backgroundStats().replacedThreads());
      assertEquals(RunStatus.TIMEOUT, runsOf(runtime, "on_media_added/01_wedge.hook", found -> !found.isEmpty())
          .get(0).status());
    } finally {
      executor.releaseWedged();
    }
  }

  @Test
  void aDataErrorIsNotTriedAgain() throws Exception {
    TestRuntime.write(root, "on_media_added/01_bad.lua", """
        function execute(event, context)
          return { changes = { media = { title = 42 } } }
        end
        """);
    HookRuntime runtime = durable(FAST);
    fire(runtime, "Heat");
    List<RunRecord> runs = runsOf(runtime, "on_media_added/01_bad.lua", found -> !found.isEmpty());
    Thread.sleep(600);
    runs = runsOf(runtime, "on_media_added/01_bad.lua", found -> true);
    assertEquals(List.of(RunStatus.DATA_ERROR), statuses(runs), runs::toString);
    Await.until(() -> runtime.backgroundStats().queued() == 0, 5_000, "a data_error is not left stored");
  }

  @Test
  void eventsStoredBeforeAShutdownWithQueuedWorkRunAfterARestart() throws Exception {
    TestRuntime.write(root, "on_media_added/01_slow.lua", """
        function execute(event, context)
          local x = 0
          for i = 1, 300000 do x = x + i end
          log.info(event.media.title)
          return { message = "done" }
        end
        """);
    String yaml = FAST + "  threads: 1\n  drain_timeout_ms: 200\n";
    HookRuntime first = durable(yaml);
    int events = 40;
    for (int i = 0; i < events; i++) {
      fire(first, "t" + i);
    }
    Thread.sleep(100);
    first.close();
    int left = first.backgroundStats().queued();
    assertTrue(left > 0 && left < events, "the shutdown left queued runs stored: " + left);

    HookRuntime second = durable(yaml);
    List<RunRecord> runs = runsOf(second, "on_media_added/01_slow.lua", found -> ran(found) == events);
    assertEquals(events, ran(runs), "every event ran");
    // A run cut at the drain deadline is recorded lost, and runs again after the restart.
    assertTrue(runs.stream().allMatch(run -> run.status() == RunStatus.OK || run.status() == RunStatus.LOST),
        runs::toString);
    // A task's row goes once its run is recorded, a moment after the record the loop above saw.
    Await.until(() -> second.backgroundStats().queued() == 0, 5_000, "no stored run is left");
  }
}
