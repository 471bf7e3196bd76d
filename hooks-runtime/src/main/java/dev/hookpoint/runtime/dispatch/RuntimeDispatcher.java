package dev.hookpoint.runtime.dispatch;

import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.HookContexts;
import dev.hookpoint.runtime.contract.HookDispatcher;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.registry.HookRegistry;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatcher generated wrappers talk to. It holds the current registry, swapped whole on reload, and one
 * handle per hook point whose active flag it keeps in step with the registry.
 */
public final class RuntimeDispatcher implements HookDispatcher {

  private final HookChain chain;
  private final BackgroundDelivery background;
  private final HookContext defaultContext;
  /** By descriptor, not name: two catalogs may describe one event with different types, each with its handle. */
  private final Map<HookPointDescriptor<?, ?>, DispatchHandle<?, ?>> handles = new ConcurrentHashMap<>();
  private volatile HookRegistry registry = HookRegistry.empty();

  public RuntimeDispatcher(HookChain chain, BackgroundDelivery background, HookContext defaultContext) {
    this.chain = chain;
    this.background = background;
    this.defaultContext = defaultContext;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <E extends HookEvent, C> HookPointHandle<E, C> handle(HookPointDescriptor<E, C> point) {
    return (HookPointHandle<E, C>) handles.computeIfAbsent(point, key -> {
      DispatchHandle<E, C> handle = new DispatchHandle<>(point, this);
      handle.refresh(registry);
      return handle;
    });
  }

  /** Makes a new registry current; each dispatch reads it once, so it sees the old or the new one whole. */
  public synchronized void swap(HookRegistry next) {
    registry = next;
    handles.values().forEach(handle -> handle.refresh(next));
  }

  /** Swaps in a change of the current registry, made from it under the same lock as every swap. */
  public synchronized void update(java.util.function.UnaryOperator<HookRegistry> change) {
    swap(change.apply(registry));
  }

  public HookRegistry registry() {
    return registry;
  }

  HookContext context() {
    return HookContexts.current(defaultContext);
  }

  <E extends HookEvent, C> E runSync(HookPointDescriptor<E, C> point, E event) {
    return chain.run(point, event, registry.chain(point.name()));
  }

  <E extends HookEvent, C> void fireAsync(HookPointDescriptor<E, C> point, E event) {
    List<RegisteredHook> hooks = registry.chain(point.name());
    if (hooks.isEmpty()) {
      return;
    }
    background.deliver(point, event, hooks);
  }

  /** A hook point's handle, kept current by {@link #swap}. */
  private static final class DispatchHandle<E extends HookEvent, C> extends HookPointHandle<E, C> {
    private final RuntimeDispatcher dispatcher;

    DispatchHandle(HookPointDescriptor<E, C> point, RuntimeDispatcher dispatcher) {
      super(point);
      this.dispatcher = dispatcher;
    }

    void refresh(HookRegistry registry) {
      setActive(!registry.chain(point().name()).isEmpty());
    }

    @Override
    public HookContext context() {
      return dispatcher.context();
    }

    @Override
    public E runSync(E event) {
      return dispatcher.runSync(point(), event);
    }

    @Override
    public void fireAsync(E event) {
      dispatcher.fireAsync(point(), event);
    }
  }
}
