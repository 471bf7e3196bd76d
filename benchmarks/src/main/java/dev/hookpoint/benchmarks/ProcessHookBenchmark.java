package dev.hookpoint.benchmarks;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.process.ProcessExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A shell hook end to end (wrapper, dispatcher, process executor with its clean environment, sandbox, stream
 * threads and cleanup), run with each sandbox, beside two floors of the same script with the same stdin and stdout:
 * a bare {@code ProcessBuilder} spawn of the script, and a bare launch of the very command line the executor starts
 * (for {@code bwrap}, bubblewrap with all its namespaces; for {@code none}, {@code setsid}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ProcessHookBenchmark {

  private static final byte[] EVENT = ("{\"event\":\"before_bench_call\",\"timestamp\":\"2025-11-05T12:00:00Z\","
      + "\"value\":17,\"context\":{\"user_id\":null,\"settings\":{},\"dry_run\":false}}")
      .getBytes(StandardCharsets.UTF_8);

  /** {@code hooks.process.sandbox}; the smoke test runs the first. */
  @Param({"none", "bwrap"})
  public String sandbox = "none";

  private Path root;
  private Path script;
  private Path home;
  private HookRuntime runtime;
  private BenchService wrapped;
  private List<String> launch;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    root = Fixtures.directory();
    script = Fixtures.write(root, "before_bench_call/01_hook.sh", Fixtures.PROCESS_HOOK, true);
    home = Files.createDirectories(root.resolve("home"));
    runtime = Fixtures.runtime(root, "process:\n  runs_per_minute: 0\n  sandbox: " + sandbox);
    wrapped = new HookedBenchService(runtime.dispatcher());
    try (ProcessExecutor executor = new ProcessExecutor(runtime.config().hooks())) {
      launch = executor.commandLine(script, home);
    }
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

  /** The floor of {@code none}: spawn the script, write the event, read the result. */
  @Benchmark
  public byte[] bareSpawn() throws IOException, InterruptedException {
    return exchange(new ProcessBuilder(script.toString()));
  }

  /** The floor of a sandbox: the command line the executor starts, launched bare. */
  @Benchmark
  public byte[] bareLaunch() throws IOException, InterruptedException {
    return exchange(new ProcessBuilder(launch));
  }

  private byte[] exchange(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.directory(script.getParent().toFile()).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(EVENT);
    }
    byte[] stdout = process.getInputStream().readAllBytes();
    process.waitFor();
    return stdout;
  }
}
