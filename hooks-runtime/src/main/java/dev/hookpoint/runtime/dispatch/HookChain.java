package dev.hookpoint.runtime.dispatch;

import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.Phase;
import dev.hookpoint.runtime.registry.RegisteredHook;
import dev.hookpoint.runtime.run.HookRun;
import dev.hookpoint.runtime.run.HookRunner;
import java.util.List;

/**
 * Runs an event's hooks in order. Each hook sees the event with the earlier hooks' accepted changes merged;
 * a halt stops the chain, and in a before_ event vetoes the action. A failing hook is recorded and skipped, unless
 * it guards a before_ event with {@code on_error: veto}: then its failure vetoes the action.
 */
public final class HookChain {

  private final HookRunner runner;

  public HookChain(HookRunner runner) {
    this.runner = runner;
  }

  /**
   * Runs the chain and returns the event with every accepted change merged (none in a dry run).
   *
   * @throws HookVetoException when a hook of a before_ event halts, or fails and vetoes on error
   */
  public <E extends HookEvent, C> E run(HookPointDescriptor<E, C> point, E event, List<RegisteredHook> chain) {
    return run(point, event, chain, null);
  }

  /**
   * Runs a background event's chain; once {@code shutdown} says the host is going, the hooks not yet run are
   * recorded as lost instead.
   */
  <E extends HookEvent, C> void runInBackground(HookPointDescriptor<E, C> point, E event, List<RegisteredHook> chain,
      BackgroundRunner.Shutdown shutdown) {
    run(point, event, chain, shutdown);
  }

  /** Records every hook of a background event that never ran as lost. */
  void lose(HookPointDescriptor<?, ?> point, List<RegisteredHook> chain, String reason) {
    for (RegisteredHook hook : chain) {
      runner.recordLost(point, hook, reason);
    }
  }

  private <E extends HookEvent, C> E run(HookPointDescriptor<E, C> point, E event, List<RegisteredHook> chain,
      BackgroundRunner.Shutdown shutdown) {
    boolean dryRun = event.context().dryRun();
    E current = event;
    for (int i = 0; i < chain.size(); i++) {
      if (shutdown != null && shutdown.isPastDeadline()) {
        lose(point, chain.subList(i, chain.size()), shutdown.reason());
        break;
      }
      RegisteredHook hook = chain.get(i);
      HookRun<C> run = runner.run(point, hook, current, dryRun);
      if (run.merged() != null) {
        current = point.eventType().cast(run.merged());
      }
      if (run.vetoes()) {
        throw new HookVetoException(point.name(), hook.id(), hook.metadata().name(), run.record().message()
            + ": " + run.record().error().message());
      }
      if (run.halted() && point.phase() == Phase.BEFORE) {
        throw new HookVetoException(point.name(), hook.id(), hook.metadata().name(), run.record().message());
      }
      if (run.halted()) {
        break;
      }
    }
    return current;
  }
}
