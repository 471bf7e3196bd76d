package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.history.RunRecord;

/**
 * One finished run of one hook: its record, and the typed changes to merge when it succeeded.
 *
 * @param record what the history keeps
 * @param changes the validated changes record, or {@code null} when there is nothing to merge
 * @param vetoes whether its failure vetoes a {@code before_} action ({@code on_error: veto})
 * @param merged the event with the changes merged, or {@code null} when nothing was merged (a dry run, a failure)
 * @param <C> the changes record
 */
public record HookRun<C>(RunRecord record, C changes, boolean vetoes, HookEvent merged) {

  public RunStatus status() {
    return record.status();
  }

  /** Whether the hook asked to stop the chain. */
  public boolean halted() {
    return record.status() == RunStatus.HALTED;
  }
}
