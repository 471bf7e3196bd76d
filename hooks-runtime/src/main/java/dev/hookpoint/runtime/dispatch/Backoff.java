package dev.hookpoint.runtime.dispatch;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a durable run that timed out or failed is tried again: {@code hooks.async.retry_backoff_ms}, doubled for
 * each retry after the first, capped at an hour, with "equal jitter" (a random half of it) so that the runs of
 * one outage do not all come back at the same instant. Whether there is a next try at all is
 * {@link DurableDelivery}'s decision, made before it fails the execution.
 */
final class Backoff implements FailureHandler<String> {

  private static final long MAX_MS = Duration.ofHours(1).toMillis();

  private final long baseMs;

  Backoff(long baseMs) {
    this.baseMs = baseMs;
  }

  /** The wait after the given failed attempt (1 for the first), before jitter. */
  long delayMs(int failedAttempt) {
    long delay = baseMs;
    for (int i = 1; i < failedAttempt && delay < MAX_MS; i++) {
      delay *= 2;
    }
    return Math.min(delay, MAX_MS);
  }

  @Override
  public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
    int failedAttempt = complete.getExecution().consecutiveFailures + 1;
    long delay = delayMs(failedAttempt);
    long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    operations.reschedule(complete, complete.getTimeDone().plusMillis(jittered));
  }
}
