package dev.hookpoint.runtime.dispatch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.hookpoint.runtime.BackgroundStats;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.registry.HookRegistry;
import dev.hookpoint.runtime.registry.RegisteredHook;
import dev.hookpoint.runtime.run.HookRunner;
import dev.hookpoint.runtime.run.Watchdog;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hooks.async.delivery: durable}: when the host's method returns, each hook of the event is one
 * db-scheduler task instance in the database ({@code hookpoint_tasks}), so a retry of one hook never re-runs the
 * others, and a crash or a restart loses nothing that was stored. At least once: the same event id for every try,
 * {@code context.attempt} counting them. A {@code timeout} or {@code execution_error} is tried again after a
 * backoff ({@link Backoff}), up to {@code hooks.async.retries} times, and then recorded {@code dead}; every other
 * ending (ok, halted, skipped, {@code data_error}, {@code load_error}) completes the task.
 *
 * <p>On close the scheduler stops picking, running hooks get {@code hooks.async.drain_timeout_ms}, and whatever
 * did not run stays stored for the next start.
 */
public final class DurableDelivery implements BackgroundDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(DurableDelivery.class);
  static final String TASK = "hookpoint-background";
  /** A hook still running at the drain deadline gets this long to record how it ended. */
  private static final long STOP_GRACE_MS = 2_000;

  private final DataSource database;
  /** On SQLite, the scheduler's one kept-open connection of {@link #database}; {@code null} elsewhere. */
  private final SharedConnection shared;
  private final HookpointConfig.Async config;
  private final HookRunner runner;
  private final Supplier<HookRegistry> registry;
  private final Map<String, HookPointDescriptor<?, ?>> points;
  private final Watchdog watchdog;
  private final ThreadPoolExecutor pool;
  private final PoolThreads threads = new PoolThreads("hookpoint-durable-");
  private final OneTimeTask<String> task;
  private final Scheduler scheduler;
  private final SchedulerClient inHostTransaction;
  private final DeadRuns dead;
  private final PendingCount pendingCount;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private volatile boolean started;
  private boolean closed;

  /**
   * @param where names the database in messages
   * @throws IllegalStateException when the database cannot hold the task table
   */
  public DurableDelivery(DataSource database, String where, HookpointConfig.Async config, HookRunner runner,
      Supplier<HookRegistry> registry, Map<String, HookPointDescriptor<?, ?>> points, Watchdog watchdog) {
    this.config = config;
    this.runner = runner;
    this.registry = registry;
    this.points = Map.copyOf(points);
    this.watchdog = watchdog;
    TaskTable.Kind kind = TaskTable.create(database, where);
    this.shared = kind == TaskTable.Kind.SQLITE ? new SharedConnection(database) : null;
    this.database = database;
    this.dead = new DeadRuns(database);
    this.pendingCount = new PendingCount(database, stored::get);
    this.pool = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), threads.factory());
    this.task = Tasks.oneTime(TASK, String.class).onFailure(new Backoff(config.retryBackoffMs()))
        .execute(this::execute);
    // Its own client, on the host's bound connection: it never commits what it did not open.
    this.inHostTransaction = SchedulerClient.Builder.create(HostConnection.dataSource(), task)
        .tableName(TaskTable.NAME)
        .serializer(new DurableScheduler.Text())
        .jdbcCustomization(new AutodetectJdbcCustomization(database))
        .build();
    this.scheduler = DurableScheduler.build(shared != null ? shared : database, kind, task, config, pool);
  }

  /** Starts picking stored runs: those of earlier processes first. Call once the hooks are loaded. */
  public synchronized void start() {
    if (!started && !closed) {
      started = true;
      scheduler.start();
    }
  }

  /**
   * Stores one task per hook. Through the host's connection when it bound one ({@link HostConnection}): then a
   * failure is the host's to see, since its transaction must not commit the action without its event.
   *
   * @throws IllegalStateException {@code [hookpoint:delivery-failed]}, only when storing in the host's transaction
   */
  @Override
  public <E extends HookEvent, C> void deliver(HookPointDescriptor<E, C> point, E event, List<RegisteredHook> hooks) {
    String eventId = UUID.randomUUID().toString();
    String payload = StoredRun.payloadJson(event.toWire(), eventId);
    List<TaskInstance<?>> instances = new ArrayList<>(hooks.size());
    for (int i = 0; i < hooks.size(); i++) {
      String data = StoredRun.data(point.name(), hooks.get(i).id(), eventId, payload);
      instances.add(task.instance(eventId + "/" + i, data));
    }
    if (overflows(point, hooks, eventId, payload)) {
      return;
    }
    if (HostConnection.current() != null) {
      try {
        inHostTransaction.scheduleBatch(instances, Instant.now());
      } catch (RuntimeException e) {
        throw new IllegalStateException("[hookpoint:delivery-failed] " + point.name() + " could not be stored in "
            + "the host's transaction (HookRuntime.storeEventsIn): " + e.getMessage() + "; roll it back", e);
      }
      stored.addAndGet(instances.size());
      return;
    }
    try {
      scheduler.scheduleBatch(instances, Instant.now());
    } catch (RuntimeException e) {
      // The host's action is done: its call must not fail now. The runs are recorded lost, so operators see them.
      String reason = "[hookpoint:delivery-failed] the event could not be stored, so this background hook did not "
          + "run: " + e.getMessage();
      LOG.error("{} not stored for {} hook(s): {}", point.name(), hooks.size(), e.toString());
      hooks.forEach(hook -> runner.recordLost(point, hook, reason));
      return;
    }
    stored.addAndGet(instances.size());
  }

  /**
   * Past {@code hooks.async.max_pending}, an event is not stored: its hooks run on the caller's thread
   * ({@code when_full: caller_runs}, nothing lost, the host slows down) or are recorded {@code lost} ({@code drop}).
   * When the runs cannot be counted the event is stored, and the insert says what is wrong.
   */
  private boolean overflows(HookPointDescriptor<?, ?> point, List<RegisteredHook> hooks, String eventId,
      String payload) {
    long pending;
    try {
      pending = pendingCount.estimate();
    } catch (SQLException e) {
      return false;
    }
    if (pending + hooks.size() <= config.maxPending()) {
      return false;
    }
    String full = "[hookpoint:delivery-full] " + pending + " background runs are stored and not finished "
        + "(hooks.async.max_pending = " + config.maxPending() + ")";
    if (config.whenFull() == HookpointConfig.WhenFull.CALLER_RUNS) {
      LOG.warn("{}: {} runs its {} hook(s) on the caller's thread (when_full: caller_runs)", full, point.name(),
          hooks.size());
      // The payload as a stored run would carry it: read once, for every hook of the event.
      StoredRun run = StoredRun.parse(StoredRun.data(point.name(), "", eventId, payload));
      for (RegisteredHook hook : hooks) {
        runner.runDelivered(point, hook, run.forAttempt(1), run.dryRun(), true);
      }
    } else {
      LOG.warn("{}: {} dropped for its {} hook(s) (when_full: drop)", full, point.name(), hooks.size());
      hooks.forEach(hook -> runner.recordLost(point, hook, full + ", so this event was not stored and this "
          + "background hook did not run (hooks.async.when_full: drop)"));
    }
    return true;
  }

  private void execute(TaskInstance<String> instance, ExecutionContext context) {
    try {
      run(instance.getData(), context.getExecution().consecutiveFailures + 1);
    } finally {
      threads.returned(pool, Thread.currentThread());
    }
  }

  private void run(String data, int attempt) {
    StoredRun run = StoredRun.parse(data);
    HookPointDescriptor<?, ?> point = points.get(run.event());
    RegisteredHook hook = point == null ? null : registry.get().find(run.hook()).orElse(null);
    if (hook == null) {
      LOG.warn("[{}] stored background run of event {} not run: no such hook is installed now", run.hook(),
          run.eventId());
      completed.incrementAndGet();
      return;
    }
    boolean last = attempt > hook.metadata().retries(config.retries());
    RunRecord record = runner.runDelivered(point, hook, run.forAttempt(attempt), run.dryRun(), last).record();
    RunStatus status = record.status();
    if (status == RunStatus.DEAD) {
      keepDead(record, data);
    }
    if (status == RunStatus.TIMEOUT || status == RunStatus.EXECUTION_ERROR) {
      throw new TryAgain(run.hook() + " " + status.wireName() + " on attempt " + attempt + " of event "
          + run.eventId());
    }
    if (status == RunStatus.LOST) {
      throw new TryAgain(run.hook() + " stopped by the shutdown; stays stored for the next start");
    }
    completed.incrementAndGet();
  }

  /** Keeps a dead run to be run again; when the database refuses, it is dead all the same, and says so. */
  private void keepDead(RunRecord record, String data) {
    try {
      dead.keep(record.runId(), record.hookId(), data);
    } catch (SQLException e) {
      LOG.error("[{}] dead run {} cannot be kept to run again: {}", record.hookId(), record.runId(),
          e.getMessage());
    }
  }

  @Override
  public boolean canRunAgain(String runId) {
    try {
      return dead.contains(runId);
    } catch (SQLException e) {
      LOG.warn("cannot read the dead runs: {}", e.getMessage());
      return false;
    }
  }

  /** A new task for the same (event, hook), so its attempts count from 1 again; picked at once. */
  @Override
  public void runAgain(String runId) {
    String data;
    try {
      data = dead.take(runId).orElseThrow(() -> new IllegalArgumentException(RUN_AGAIN_NONE + runId
          + "' is kept: only the last run of a dead durable run can run again, once ('hooks runs --status dead' "
          + "lists them)"));
    } catch (SQLException e) {
      throw new IllegalStateException("[hookpoint:delivery-failed] cannot read the dead runs: " + e.getMessage(), e);
    }
    StoredRun run = StoredRun.parse(data);
    scheduler.schedule(task.instance(run.eventId() + "/again-" + UUID.randomUUID(), data), Instant.now());
    stored.incrementAndGet();
    LOG.info("[{}] dead run {} of event {} runs again", run.hook(), runId, run.eventId());
  }

  @Override
  public boolean owns(Thread thread) {
    return threads.owns(thread);
  }

  /** One more thread takes the place of one a hook holds; db-scheduler's own limit stays {@code threads}. */
  @Override
  public void replace(Thread thread) {
    threads.replace(pool, thread);
  }

  /** {@code queued} counts every run stored and not finished, this process's and others'. */
  @Override
  public BackgroundStats stats() {
    return new BackgroundStats(stored.get(), completed.get(), 0, 0, 0, pending(), threads.replaced());
  }

  private int pending() {
    try {
      return (int) Math.min(Integer.MAX_VALUE, pendingCount.count());
    } catch (SQLException e) {
      LOG.warn("cannot count the stored background runs: {}", e.getMessage());
      return -1;
    }
  }

  /**
   * Stops picking; running hooks get {@code hooks.async.drain_timeout_ms} (db-scheduler waits twice that before it
   * gives up), and those still going are stopped by the watchdog and stay stored. Nothing stored is lost.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!started) {
      pool.shutdown();
      if (shared != null) {
        shared.close();
      }
      return;
    }
    Thread stopping = new Thread(scheduler::stop, "hookpoint-durable-stop");
    stopping.start();
    try {
      stopping.join(Math.max(1, config.drainTimeoutMs()));
      if (stopping.isAlive()) {
        LOG.error("background hooks did not finish within hooks.async.drain_timeout_ms = {} ms; they are stopped "
            + "and run again after the next start", config.drainTimeoutMs());
        watchdog.cancelAll(this::owns, RunStatus.LOST, "stopped: the host shut down before this background hook "
            + "finished (hooks.async.drain_timeout_ms = " + config.drainTimeoutMs() + " ms); it stays stored and "
            + "runs again after the next start");
        stopping.join(STOP_GRACE_MS + 2 * Math.max(1, config.drainTimeoutMs()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (shared != null) {
        shared.close();
      }
    }
  }

  /** Fails an execution so that {@link Backoff} schedules the next try. */
  private static final class TryAgain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TryAgain(String message) {
      super(message, null, false, false);
    }
  }
}
