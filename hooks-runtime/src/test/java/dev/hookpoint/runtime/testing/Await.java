package dev.hookpoint.runtime.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does, failing with what was awaited when it does not happen in time. */
public final class Await {

  private Await() {}

  /** Polls every 10 ms until the condition holds; fails after {@code millis}. */
  public static void until(BooleanSupplier condition, long millis, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + millis + " ms: " + what);
      }
      Thread.sleep(10);
    }
  }
}
