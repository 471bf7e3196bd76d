package dev.hookpoint.runtime.dispatch;

import dev.hookpoint.runtime.BackgroundStats;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.util.List;

/** {@code hooks.async.delivery: memory}: each event's chain runs on {@link BackgroundRunner}'s bounded queue. */
public final class MemoryDelivery implements BackgroundDelivery {

  private final BackgroundRunner runner;
  private final HookChain chain;

  public MemoryDelivery(BackgroundRunner runner, HookChain chain) {
    this.runner = runner;
    this.chain = chain;
  }

  @Override
  public <E extends HookEvent, C> void deliver(HookPointDescriptor<E, C> point, E event, List<RegisteredHook> hooks) {
    runner.submit(new BackgroundRunner.Task() {
      @Override
      public void run(BackgroundRunner.Shutdown shutdown) {
        chain.runInBackground(point, event, hooks, shutdown);
      }

      @Override
      public void lose(String reason) {
        chain.lose(point, hooks, reason);
      }

      @Override
      public String describe() {
        return point.name() + " at " + event.timestamp() + " for " + hooks.size() + " hook(s)";
      }
    });
  }

  @Override
  public boolean owns(Thread thread) {
    return runner.owns(thread);
  }

  @Override
  public void replace(Thread thread) {
    runner.replace(thread);
  }

  @Override
  public BackgroundStats stats() {
    return runner.stats();
  }

  @Override
  public void close() {
    runner.close();
  }
}
