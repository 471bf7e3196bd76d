package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.executor.HookFailure;

/** A hook that did not load does not run: its load error is the run's. */
final class LoadCheck implements RunStep {

  @Override
  public Outcome run(Attempt attempt, Rest rest) throws HookFailure {
    if (attempt.hook().loadError() != null) {
      throw attempt.hook().loadError();
    }
    return rest.proceed(attempt);
  }
}
