package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.executor.HookFailure;

/**
 * One concern of a hook run: a step does its part around the rest of the run, which it reaches through
 * {@link Rest#proceed}, and returns what the run came to. {@link HookRunner} puts the steps in order, in one place.
 * A step may throw what the hook did wrong; {@link FailSoft} turns that into the run's outcome.
 */
interface RunStep {

  Outcome run(Attempt attempt, Rest rest) throws HookFailure;

  /** The steps after this one. */
  interface Rest {
    Outcome proceed(Attempt attempt) throws HookFailure;
  }

  /** A step and the rest after it: built once, so a run allocates nothing to go down the steps. */
  record Link(RunStep step, Rest after) implements Rest {
    @Override
    public Outcome proceed(Attempt attempt) throws HookFailure {
      return step.run(attempt, after);
    }
  }
}
