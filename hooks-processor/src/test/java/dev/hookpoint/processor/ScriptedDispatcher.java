package dev.hookpoint.processor;

import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.contract.HookDispatcher;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.contract.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A dispatcher whose hooks are Java functions from the event's wire form to a result map, run as a chain the way
 * the runtime does: decode the changes with the generated decoder, merge them with the generated applier, veto on
 * halt. Lets the processor's tests run generated code without the executors.
 */
final class ScriptedDispatcher implements HookDispatcher {

  private final Map<String, List<Function<Map<String, Object>, Map<String, Object>>>> hooks =
      new LinkedHashMap<>();
  final List<HookEvent> fired = new CopyOnWriteArrayList<>();
  final List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
  /** Each event as it writes itself to an executor's own form, beside {@link #seen}. */
  final List<Object> written = new CopyOnWriteArrayList<>();

  ScriptedDispatcher on(String event, Function<Map<String, Object>, Map<String, Object>> hook) {
    hooks.computeIfAbsent(event, name -> new ArrayList<>()).add(hook);
    return this;
  }

  @Override
  public <E extends HookEvent, C> HookPointHandle<E, C> handle(HookPointDescriptor<E, C> point) {
    List<Function<Map<String, Object>, Map<String, Object>>> chain = hooks.getOrDefault(point.name(), List.of());
    return new HookPointHandle<>(point) {
      {
        setActive(!chain.isEmpty());
      }

      @Override
      public HookContext context() {
        return HookContext.system().withUser(7L);
      }

      @Override
      public E runSync(E event) {
        E current = event;
        for (int i = 0; i < chain.size(); i++) {
          Map<String, Object> wire = current.toWire();
          seen.add(wire);
          written.add(MapWriter.written(current));
          Map<String, Object> result = chain.get(i).apply(wire);
          if (Boolean.TRUE.equals(result.get("halt")) && point().phase() == Phase.BEFORE) {
            throw new HookVetoException(point().name(), point().name() + "/hook" + (i + 1), "hook" + (i + 1),
                String.valueOf(result.get("message")));
          }
          @SuppressWarnings("unchecked")
          Map<String, ?> changes = (Map<String, ?>) result.getOrDefault("changes", Map.of());
          current = point().applier().apply(current, point().decoder().decode(changes));
          if (Boolean.TRUE.equals(result.get("halt"))) {
            break;
          }
        }
        return current;
      }

      @Override
      public void fireAsync(E event) {
        fired.add(event);
      }
    };
  }
}
