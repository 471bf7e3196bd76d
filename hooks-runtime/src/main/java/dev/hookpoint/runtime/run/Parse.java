package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.executor.HookFailure;

/** Checks what the executor returned against the result shape (§7.2); a hook that halts is {@code halted}. */
final class Parse implements RunStep {

  private final PointInfos points;

  Parse(PointInfos points) {
    this.points = points;
  }

  @Override
  public Outcome run(Attempt attempt, Rest rest) throws HookFailure {
    Outcome outcome = rest.proceed(attempt);
    if (outcome.record() != null) {
      return outcome;  // Abandoned: whatever the hook returned since is ignored.
    }
    return outcome.withResult(points.of(attempt.point()).parser().parse(outcome.raw()));
  }
}
