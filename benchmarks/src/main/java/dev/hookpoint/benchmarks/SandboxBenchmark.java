package dev.hookpoint.benchmarks;

import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.Invocation;
import dev.hookpoint.runtime.executor.LoadedHook;
import dev.hookpoint.runtime.lua.LuaExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;
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

/** What the limiter costs a CPU-bound hook: the same loop in the sandbox and with no limiter at all. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class SandboxBenchmark {

  static final String LOOP = "function execute() local s = 0 for i = 1, 20000 do s = (s + i) % 97 end "
      + "return { message = tostring(s) } end";

  private Path root;
  private LuaExecutor executor;
  private LoadedHook hook;
  private LuaValue unlimited;

  @Setup(Level.Trial)
  public void setUp() throws HookFailure, IOException {
    root = Fixtures.directory();
    Path file = Fixtures.write(root, "before_bench_call/01_loop.lua", LOOP, false);
    executor = new LuaExecutor(ConfigLoader.parse("", "bench.yaml", Map.of()).hooks());
    hook = executor.load(new HookFile(file, "before_bench_call", file.getFileName().toString()),
        Files.readAllBytes(file));
    Globals globals = JsePlatform.standardGlobals();
    globals.load(LOOP, "loop").call();
    unlimited = globals.get("execute");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Fixtures.delete(root);
  }

  /** In the sandbox: a fresh environment, every instruction counted, clock and memory checked. */
  @Benchmark
  public Object limited() throws HookFailure {
    return executor.run(hook, new Invocation("loop", "before_bench_call", Map.of(), 5_000,
        System.nanoTime() + 5_000_000_000L, false, new HookLog("loop", 10, 100), Map.of()));
  }

  /** The floor: the same compiled function on a plain environment with no limiter. */
  @Benchmark
  public LuaValue unlimited() {
    return unlimited.call();
  }
}
