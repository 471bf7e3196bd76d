package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.executor.HookFailure;

/** Turns the result's changes into the event's typed changes record, or a data error naming what does not fit. */
final class Decode implements RunStep {

  @Override
  public Outcome run(Attempt attempt, Rest rest) throws HookFailure {
    Outcome outcome = rest.proceed(attempt);
    if (outcome.result().changes().isEmpty()) {
      return outcome;
    }
    return outcome.withChanges(attempt.point().decoder().decode(outcome.result().changes()));
  }
}
