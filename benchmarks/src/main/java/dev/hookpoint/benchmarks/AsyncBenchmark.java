package dev.hookpoint.benchmarks;

import dev.hookpoint.runtime.HookRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Background throughput: on_ events with one Lua hook, on a pool of 2 with a bounded queue of 10,000 and
 * caller-runs when full, so nothing is dropped and the rate measured is the rate hooks actually run at.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class AsyncBenchmark {

  private Path root;
  private HookRuntime runtime;
  private BenchService wrapped;
  private final BenchService.MediaItem item = new BenchService.MediaItem(1, BenchService.Kind.TV_SHOW,
      "Attack on Titan", 2013, 1429L, true, "HD-1080p", List.of(), new BenchService.SearchSettings(false, false),
      Map.of());

  @Setup(Level.Trial)
  public void setUp() {
    root = Fixtures.directory();
    Fixtures.write(root, "on_bench_event/01_count.lua",
        "function execute(event) local title = event.media_item.title return { modified = false } end", false);
    runtime = Fixtures.runtime(root,
        "async:\n  pool_size: 2\n  queue_capacity: 10000\n  when_full: caller_runs\n  drain_timeout_ms: 60000");
    wrapped = new HookedBenchService(runtime.dispatcher());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    runtime.close();
    Fixtures.delete(root);
  }

  /** One event fired; at saturation the caller runs the overflow, so this is the hooks' own rate. */
  @Benchmark
  public void fire() {
    wrapped.notifyAdded(item);
  }
}
