package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.Phase;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.OnError;
import dev.hookpoint.runtime.registry.RegisteredHook;

/**
 * Whether a failed run vetoes its {@code before_} action: a guard ({@code on_error: veto}, by the hook or by
 * {@code hooks.on_error.<event>}) fails closed. The run's message then says why the action was vetoed.
 */
final class Vetoes implements RunStep {

  private final HookpointConfig.Hooks config;

  Vetoes(HookpointConfig.Hooks config) {
    this.config = config;
  }

  @Override
  public Outcome run(Attempt attempt, Rest rest) throws HookFailure {
    Outcome outcome = rest.proceed(attempt);
    if (outcome.error() == null || outcome.record() != null) {
      return outcome;
    }
    boolean vetoes = vetoes(attempt.point(), attempt.hook(), outcome.status());
    return outcome.withVeto(vetoes, vetoes ? message(attempt.point(), attempt.hook(), outcome.status()) : "");
  }

  /**
   * The design's four error categories, of a guard, and a guard's run skipped for its rate limit. A guard that did
   * not run guarded nothing; were a skip to pass, a flood of events would outrun any guard.
   */
  boolean vetoes(HookPointDescriptor<?, ?> point, RegisteredHook hook, RunStatus status) {
    boolean failed = status == RunStatus.LOAD_ERROR || status == RunStatus.EXECUTION_ERROR
        || status == RunStatus.TIMEOUT || status == RunStatus.DATA_ERROR || status == RunStatus.SKIPPED;
    return failed && point.phase() == Phase.BEFORE && config.vetoesOnError(point.name(), hook.metadata().onError());
  }

  String message(HookPointDescriptor<?, ?> point, RegisteredHook hook, RunStatus status) {
    return "vetoed " + point.name() + ": the hook failed (" + status.wireName() + ") and "
        + (hook.metadata().onError() == OnError.VETO ? "declares on_error: veto"
            : "hooks.on_error." + point.name() + " is veto");
  }
}
