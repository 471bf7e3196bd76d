package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.Invocation;

/** The last step: the hook's executor runs it. */
final class Execute implements RunStep {

  private final PointInfos points;

  Execute(PointInfos points) {
    this.points = points;
  }

  @Override
  public Outcome run(Attempt attempt, Rest rest) throws HookFailure {
    Invocation invocation = new Invocation(attempt.runId(), attempt.point().name(), attempt.payload(),
        attempt.timeoutMs(), attempt.deadlineNanos(), attempt.dryRun(), attempt.log(),
        points.of(attempt.point()).envVars(), attempt.cancellation(), attempt.event());
    return Outcome.returned(attempt.hook().executor().run(attempt.hook().loaded(), invocation));
  }
}
