package dev.hookpoint.benchmarks;

import dev.hookpoint.runtime.HookRuntime;
import java.nio.file.Path;
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

/** Zero-hook dispatch: a call through the generated wrapper with no hook registered, beside the direct call. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class DispatchBenchmark {

  private Path root;
  private HookRuntime runtime;
  private BenchService direct;
  private BenchService wrapped;
  private int value = 17;

  @Setup(Level.Trial)
  public void setUp() {
    root = Fixtures.directory();
    runtime = Fixtures.runtime(root, "");
    direct = new BenchService();
    wrapped = new HookedBenchService(runtime.dispatcher());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    runtime.close();
    Fixtures.delete(root);
  }

  /** The floor: the host's own method. */
  @Benchmark
  public int direct() {
    return direct.compute(value);
  }

  /** The same call through HookedBenchService, whose hook point has no hook. */
  @Benchmark
  public int wrapperNoHooks() {
    return wrapped.compute(value);
  }
}
