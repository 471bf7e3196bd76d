package dev.hookpoint.dashboard;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.history.RunListener;
import dev.hookpoint.runtime.history.RunRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Hook runs as Micrometer meters, for a host that already exports its metrics (Prometheus, JMX, ...): every run as
 * the timer {@value #RUNS} and every failed one as the counter {@value #ERRORS}, tagged {@code event}, {@code hook}
 * and {@code status}. Dry runs (tests) are not counted: they are not the host's load. Micrometer is an optional
 * dependency of this module; this is the only class that names it.
 *
 * <pre>{@code
 * HookMeters.bind(runtime, meterRegistry);
 * }</pre>
 */
public final class HookMeters implements RunListener {

  /** Every run: a timer of its duration. */
  public static final String RUNS = "hookpoint.hook.runs";
  /** Runs that ended in an error category (load_error, execution_error, timeout, data_error, lost). */
  public static final String ERRORS = "hookpoint.hook.errors";

  private final MeterRegistry registry;

  private HookMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Subscribes the registry to every run of {@code runtime} from now on. */
  public static HookMeters bind(HookRuntime runtime, MeterRegistry registry) {
    HookMeters meters = new HookMeters(registry);
    runtime.listen(meters);
    return meters;
  }

  @Override
  public void recorded(RunRecord run) {
    if (run.dryRun()) {
      return;
    }
    String status = run.status().wireName();
    Timer.builder(RUNS).description("Hook runs and their duration").tag("event", run.event())
        .tag("hook", run.hookId()).tag("status", status).register(registry)
        .record(Duration.ofNanos(run.durationMicros() * 1000));
    if (run.status().isError()) {
      Counter.builder(ERRORS).description("Hook runs that failed, by category").tag("event", run.event())
          .tag("hook", run.hookId()).tag("status", status).register(registry).increment();
    }
  }
}
