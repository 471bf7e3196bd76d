package dev.hookpoint.benchmarks;

import dev.hookpoint.runtime.HookRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

/**
 * A shell hook end to end (wrapper, dispatcher, process executor with its clean environment, session, stream
 * threads and cleanup), beside a bare ProcessBuilder spawn of the same script with the same stdin and stdout.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ProcessHookBenchmark {

  private static final byte[] EVENT = ("{\"event\":\"before_bench_call\",\"timestamp\":\"2025-11-05T12:00:00Z\","
      + "\"value\":17,\"context\":{\"user_id\":null,\"settings\":{},\"dry_run\":false}}")
      .getBytes(StandardCharsets.UTF_8);

  private Path root;
  private Path script;
  private HookRuntime runtime;
  private BenchService wrapped;

  @Setup(Level.Trial)
  public void setUp() {
    root = Fixtures.directory();
    script = Fixtures.write(root, "before_bench_call/01_hook.sh", Fixtures.PROCESS_HOOK, true);
    runtime = Fixtures.runtime(root, "process:\n  runs_per_minute: 0");
    wrapped = new HookedBenchService(runtime.dispatcher());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    runtime.close();
    Fixtures.delete(root);
  }

  /** The full path. */
  @Benchmark
  public int endToEnd() {
    return wrapped.compute(17);
  }

  /** The floor: spawn the script, write the event, read the result. */
  @Benchmark
  public byte[] bareSpawn() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(script.toString()).directory(script.getParent().toFile()).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(EVENT);
    }
    byte[] stdout = process.getInputStream().readAllBytes();
    process.waitFor();
    return stdout;
  }
}
