package dev.hookpoint.runtime.run;

import dev.hookpoint.runtime.contract.HookEvent;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * An event's wire map, built the first time something reads it. A Lua hook writes the event's records straight to
 * its table and never reads it; a process hook and the tools do.
 */
final class LazyPayload extends AbstractMap<String, Object> {

  private final HookEvent event;
  private Map<String, Object> wire;

  LazyPayload(HookEvent event) {
    this.event = event;
  }

  private Map<String, Object> wire() {
    if (wire == null) {
      wire = event.toWire();
    }
    return wire;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return wire().entrySet();
  }

  @Override
  public Object get(Object key) {
    return wire().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return wire().containsKey(key);
  }

  @Override
  public int size() {
    return wire().size();
  }
}
