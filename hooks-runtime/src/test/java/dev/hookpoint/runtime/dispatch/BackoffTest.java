package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait before each retry doubles from {@code hooks.async.retry_backoff_ms}, and never passes an hour. */
class BackoffTest {

  @Test
  void theWaitDoublesWithEachFailedAttemptUpToAnHour() {
    Backoff backoff = new Backoff(1_000);
    assertEquals(1_000, backoff.delayMs(1));
    assertEquals(2_000, backoff.delayMs(2));
    assertEquals(4_000, backoff.delayMs(3));
    assertEquals(Duration.ofHours(1).toMillis(), backoff.delayMs(30));
    assertEquals(Duration.ofHours(1).toMillis(), backoff.delayMs(Integer.MAX_VALUE));
  }
}
