package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.RunRecord;

/**
 * What a run came to, as the steps build it on the way back up: the executor's raw result, then the checked
 * result, the typed changes, the event with them merged, whether a failure vetoes, and finally the record.
 *
 * @param raw what the executor returned, plain data
 * @param result the checked result; {@link HookResult#NOTHING} when the run failed
 * @param changes the typed changes record, or {@code null} when there is nothing to merge
 * @param merged the event with the changes merged, or {@code null} when nothing was merged
 * @param error why it failed, or {@code null}
 * @param message what the history shows: the hook's message, or a veto's reason
 * @param record the history's record, once recorded
 */
record Outcome(RunStatus status, Object raw, HookResult result, Object changes, HookEvent merged, HookError error,
    boolean vetoes, String message, RunRecord record) {

  /** The executor returned. */
  static Outcome returned(Object raw) {
    return new Outcome(RunStatus.OK, raw, HookResult.NOTHING, null, null, null, false, "", null);
  }

  /** The run failed. */
  static Outcome failed(RunStatus status, HookError error) {
    return new Outcome(status, null, HookResult.NOTHING, null, null, error, false, "", null);
  }

  /** A run the watchdog gave up on and recorded itself. */
  static Outcome abandoned(RunRecord record, boolean vetoes) {
    return new Outcome(record.status(), null, HookResult.NOTHING, null, null, record.error(), vetoes,
        record.message(), record);
  }

  Outcome withResult(HookResult result) {
    return new Outcome(result.halt() ? RunStatus.HALTED : RunStatus.OK, raw, result, changes, merged, error, vetoes,
        result.message(), record);
  }

  Outcome withChanges(Object changes) {
    return new Outcome(status, raw, result, changes, merged, error, vetoes, message, record);
  }

  Outcome withMerged(HookEvent merged) {
    return new Outcome(status, raw, result, changes, merged, error, vetoes, message, record);
  }

  Outcome withVeto(boolean vetoes, String message) {
    return new Outcome(status, raw, result, changes, merged, error, vetoes, message, record);
  }

  Outcome withRecord(RunRecord record) {
    return new Outcome(status, raw, result, changes, merged, error, vetoes, message, record);
  }
}
