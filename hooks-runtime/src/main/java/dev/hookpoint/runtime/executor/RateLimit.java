package dev.hookpoint.runtime.executor;

/**
 * A per-hook budget of so many uses per minute, refilled continuously (a token bucket). Zero means no limit.
 */
public final class RateLimit {

  private final double perNano;
  private final double capacity;
  private double tokens;
  private long last = System.nanoTime();

  public RateLimit(int perMinute) {
    this.capacity = perMinute;
    this.tokens = perMinute;
    this.perNano = perMinute / 60e9;
  }

  /** Takes one use if one is left. */
  public synchronized boolean tryAcquire() {
    if (capacity == 0) {
      return true;
    }
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
