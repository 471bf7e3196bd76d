package dev.hookpoint.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable background throughput end to end, with the one Lua hook of {@link AsyncBenchmark}: an operation fires a
 * batch of {@value #BATCH} events and returns once every one has run and its run is written to the history, so JMH's
 * operations per second are events per second. SQLite: one instance on a file. PostgreSQL: two instances (two
 * runtimes in this JVM, each with its own HikariCP pool) on one database, the events spread over both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class DurableBenchmark {

  static final int BATCH = 500;

  /** The smoke test runs the first; it runs PostgreSQL by setting the field. */
  @Param({"sqlite", "postgresql"})
  public String database = "sqlite";

  private DurableHosts hosts;
  private final BenchService.MediaItem item = new BenchService.MediaItem(1, BenchService.Kind.TV_SHOW,
      "Attack on Titan", 2013, 1429L, true, "HD-1080p", List.of(), new BenchService.SearchSettings(false, false),
      Map.of());

  @Setup(Level.Trial)
  public void setUp() {
    hosts = new DurableHosts(database, database.equals("postgresql") ? 2 : 1, "");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    hosts.close();
  }

  /** {@value #BATCH} events fired, then every one run and recorded. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long events() {
    for (int i = 0; i < BATCH; i++) {
      hosts.fire(item);
    }
    return hosts.awaitAll();
  }
}
