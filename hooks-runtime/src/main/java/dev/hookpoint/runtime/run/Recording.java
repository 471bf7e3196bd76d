package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.history.RunListener;
import dev.hookpoint.runtime.history.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The first step: turns what the run came to into its record, and tells every {@link RunListener}. */
final class Recording implements RunStep {

  private static final Logger LOG = LoggerFactory.getLogger(Recording.class);

  private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

  void listen(RunListener listener) {
    listeners.add(listener);
  }

  @Override
  public Outcome run(Attempt attempt, Rest rest) throws HookFailure {
    Outcome outcome = rest.proceed(attempt);
    if (outcome.record() != null) {
      return outcome;  // Abandoned: the watchdog has recorded it.
    }
    boolean ok = outcome.error() == null;
    RunStatus status = outcome.status();
    String message = outcome.message();
    if (attempt.lastAttempt() && (status == RunStatus.TIMEOUT || status == RunStatus.EXECUTION_ERROR)) {
      message = "dead: " + status.wireName() + " on the last attempt, not tried again"
          + (message == null || message.isEmpty() ? "" : "; " + message);
      status = RunStatus.DEAD;
    }
    RunRecord record = new RunRecord(attempt.runId(), attempt.hook().id(), attempt.point().name(),
        attempt.startedAt(), (System.nanoTime() - attempt.startNanos()) / 1_000, status,
        ok && outcome.result().modified(), ok ? outcome.result().changes() : Map.of(), message,
        outcome.error(), attempt.log().lines(), attempt.dryRun());
    publish(record);
    return outcome.withRecord(record);
  }

  /** Tells every listener; one that throws does not keep the others from hearing of the run. */
  void publish(RunRecord record) {
    for (RunListener listener : listeners) {
      try {
        listener.recorded(record);
      } catch (RuntimeException e) {
        LOG.error("[{}] a run listener failed: {}", record.hookId(), e.toString());
      }
    }
  }
}
