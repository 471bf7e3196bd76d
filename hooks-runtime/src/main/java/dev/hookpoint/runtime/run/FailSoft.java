package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.HookDataException;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.history.HookError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whatever the hook did, the run ends with a status: a failure of the hook, a result or changes that do not fit,
 * even a bug in an executor, becomes this run's error and stays with this hook. A run stopped from outside is
 * reported as the stop, whatever the hook said as it died.
 */
final class FailSoft implements RunStep {

  private static final Logger LOG = LoggerFactory.getLogger(FailSoft.class);

  @Override
  public Outcome run(Attempt attempt, Rest rest) {
    Outcome outcome;
    try {
      outcome = rest.proceed(attempt);
    } catch (HookFailure failure) {
      outcome = Outcome.failed(failure.category(), HookError.of(failure));
    } catch (ResultParser.InvalidResultException | HookDataException e) {
      outcome = Outcome.failed(RunStatus.DATA_ERROR, new HookError(RunStatus.DATA_ERROR.wireName(), e.getMessage()
          + (e instanceof HookDataException ? "; the hook's changes were ignored" : ""), attempt.file(), null));
    } catch (RuntimeException | Error e) {
      // A bug, a thread that could not be started: it stays with this hook. The message may carry what the hook
      // wrote; the host's log gets it escaped, the stack trace only at debug.
      outcome = Outcome.failed(RunStatus.EXECUTION_ERROR, new HookError(RunStatus.EXECUTION_ERROR.wireName(),
          "the hook failed unexpectedly: " + e, attempt.file(), null));
      LOG.error("[{}] unexpected failure running the hook: {}", attempt.hook().id(), HookLog.shown(e.toString(), 2_000));
      LOG.debug("[{}] unexpected failure running the hook", attempt.hook().id(), e);
    }
    return stoppedFromOutside(attempt, outcome);
  }

  /**
   * How a run stopped from outside ended is the stop's doing (a killed process exits non-zero, say), unless the
   * executor saw its own timeout, which it words best.
   */
  private static Outcome stoppedFromOutside(Attempt attempt, Outcome outcome) {
    var cancellation = attempt.cancellation();
    if (outcome.error() == null || outcome.record() != null || !cancellation.isCancelled()
        || (cancellation.status() == RunStatus.TIMEOUT && outcome.status() == RunStatus.TIMEOUT)) {
      return outcome;
    }
    return Outcome.failed(cancellation.status(), new HookError(cancellation.status().wireName(),
        cancellation.message(), attempt.file(), null));
  }
}
