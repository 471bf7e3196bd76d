package dev.hookpoint.benchmarks;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.InstalledHook;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Discovering and compiling 1,000 Lua hook files, and reloading them unchanged (hash check and swap). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class DiscoveryBenchmark {

  static final int HOOKS = 1_000;

  private Path root;
  private HookRuntime loaded;

  @Setup(Level.Trial)
  public void setUp() {
    root = Fixtures.directory();
    String[] events = {"after_media_added", "before_bench_call", "on_bench_event"};
    for (int i = 0; i < HOOKS; i++) {
      Fixtures.write(root, events[i % events.length] + String.format("/%04d_hook.lua", i),
          "-- hook " + i + "\n" + Fixtures.ANIME, false);
    }
    loaded = Fixtures.runtime(root, "");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    loaded.close();
    Fixtures.delete(root);
  }

  /** A cold start: discover, check, hash and compile every file. */
  @Benchmark
  public List<InstalledHook> loadAll() {
    try (HookRuntime runtime = Fixtures.runtime(root, "")) {
      return runtime.hooks();
    }
  }

  /** A reload with nothing changed: every file is hashed, nothing compiled, the registry swapped. */
  @Benchmark
  public List<InstalledHook> reloadUnchanged() {
    return loaded.reload();
  }
}
