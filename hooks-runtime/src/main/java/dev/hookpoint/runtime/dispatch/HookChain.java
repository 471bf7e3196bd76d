package dev.hookpoint.runtime.dispatch;

import dev.hookpoint.runtime.HookEvent;
import dev.hookpoint.runtime.HookPointDescriptor;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.Phase;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.util.List;

/**
 * Runs an event's hooks in order. Each hook sees the event with the earlier hooks' accepted changes merged;
 * a halt stops the chain, and in a before_ event vetoes the action. A failing hook is recorded and skipped.
 */
public final class HookChain {

  private final HookRunner runner;

  public HookChain(HookRunner runner) {
    this.runner = runner;
  }

  /**
   * Runs the chain and returns the event with every accepted change merged (none in a dry run).
   *
   * @throws HookVetoException when a hook of a before_ event halts
   */
  public <E extends HookEvent, C> E run(HookPointDescriptor<E, C> point, E event, List<RegisteredHook> chain) {
    E current = event;
    boolean dryRun = event.context().dryRun();
    for (RegisteredHook hook : chain) {
      HookRun<C> run = runner.run(point, hook, current.toWire(), dryRun);
      if (run.halted() && point.phase() == Phase.BEFORE) {
        throw new HookVetoException(point.name(), hook.id(), hook.metadata().name(), run.record().message());
      }
      if (run.changes() != null && !dryRun) {
        current = point.applier().apply(current, run.changes());
      }
      if (run.halted()) {
        break;
      }
    }
    return current;
  }
}
