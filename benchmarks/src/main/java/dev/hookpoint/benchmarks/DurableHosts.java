package dev.hookpoint.benchmarks;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runtime instances on durable delivery over one database, each with its own data source, the default stores on it
 * (runs in {@code hookpoint_runs}, as a host gets them) and the benchmarks' one Lua hook; they count the runs they
 * record. In one JVM: the instances share nothing but the database, as two host processes would.
 */
final class DurableHosts implements AutoCloseable {

  static final String HOOK = "function execute(event) local title = event.media_item.title "
      + "return { modified = false } end";
  /** The longest a batch may take before the benchmark fails instead of waiting for ever. */
  private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(120);

  private final Path root;
  private final DurableDatabase database;
  private final List<HookRuntime> runtimes = new ArrayList<>();
  private final List<BenchService> services = new ArrayList<>();
  private final AtomicLong ran = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private long expected;
  private int next;

  DurableHosts(String kind, int instances, String asyncYaml) {
    this(kind, instances, asyncYaml, true);
  }

  /**
   * @param consume whether the instances run their hooks; without, they load the hooks but never start the
   *     scheduler, so what is fired stays stored (for measuring the host's side alone)
   */
  DurableHosts(String kind, int instances, String asyncYaml, boolean consume) {
    root = Fixtures.directory();
    Fixtures.write(root, "on_bench_event/01_count.lua", HOOK, false);
    database = DurableDatabase.open(kind, root, instances);
    String yaml = "hooks:\n  hot_reload: false\n  async:\n    delivery: durable\n    drain_timeout_ms: 60000\n"
        + asyncYaml.indent(4);
    for (int i = 0; i < instances; i++) {
      HookRuntime runtime = HookRuntime.builder(ConfigLoader.parse(yaml, "bench.yaml", Map.of())).baseDirectory(root)
          .dataSource(database.dataSource(i)).hookPoints(new BenchServiceHookCatalog().hookPoints())
          .standardExecutors().build();
      runtime.listen(run -> {
        if (run.status() == RunStatus.OK) {
          ran.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
      });
      if (consume) {
        runtime.start();
      } else {
        // The hooks without start(): the scheduler is started only by start().
        runtime.reload();
      }
      runtimes.add(runtime);
      services.add(new HookedBenchService(runtime.dispatcher()));
    }
  }

  DurableDatabase database() {
    return database;
  }

  /** Fires one event on the next instance in turn, as a host's requests would spread over its processes. */
  void fire(BenchService.MediaItem item) {
    services.get(next).notifyAdded(item);
    next = (next + 1) % services.size();
    expected++;
  }

  /**
   * Waits until every event fired so far has run and its run is written to the history.
   *
   * @return the runs counted so far
   * @throws IllegalStateException when a run failed or the runs take over two minutes
   */
  long awaitAll() {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    while (ran.get() < expected) {
      if (failed.get() > 0) {
        throw new IllegalStateException(failed.get() + " background run(s) did not end ok");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + ran.get() + " of " + expected + " background runs ran in time");
      }
      LockSupport.parkNanos(100_000);
    }
    // recent() waits for the run store's writer: the runs are in hookpoint_runs, not only counted.
    runtimes.forEach(runtime -> runtime.runStore().recent(1));
    return ran.get();
  }

  @Override
  public void close() {
    runtimes.forEach(HookRuntime::close);
    database.close();
    Fixtures.delete(root);
  }
}
