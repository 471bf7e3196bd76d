package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.HookDataException;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.executor.HookFailure;
import java.util.List;

/**
 * Merges the typed changes into the event the next hook sees (not in a dry run). The host's records may refuse
 * values; that is this hook's data error, and its changes are ignored.
 */
final class Merge implements RunStep {

  @Override
  public Outcome run(Attempt attempt, Rest rest) throws HookFailure {
    Outcome outcome = rest.proceed(attempt);
    if (outcome.changes() == null || attempt.dryRun() || attempt.event() == null) {
      return outcome;
    }
    try {
      return outcome.withMerged(merge(attempt.point(), attempt.event(), outcome.changes()));
    } catch (RuntimeException e) {
      throw new HookDataException("", "values the host accepts", List.of(),
          "the host rejected the changes: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends HookEvent, C> HookEvent merge(HookPointDescriptor<E, C> point, HookEvent event,
      Object changes) {
    return point.applier().apply((E) event, (C) changes);
  }
}
