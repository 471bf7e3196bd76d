package dev.hookpoint.runtime.contract;

import dev.hookpoint.runtime.HookContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookCatalogTest {

  record Ping(Instant timestamp, HookContext context) implements HookEvent {
    @Override
    public String event() {
      return "on_ping";
    }

    @Override
    public void writeFields(Map<String, Object> wire) {}
  }

  record NoChanges() {}

  private static HookPointDescriptor<Ping, NoChanges> point(String name) {
    return HookPointDescriptor.builder(name, Ping.class, NoChanges.class)
        .changes(changes -> new NoChanges(), (event, changes) -> event)
        .build();
  }

  @Test
  void mergeSortsByNameAndKeepsTheFirstOfEachName() {
    HookPointDescriptor<Ping, NoChanges> first = point("on_ping");
    HookCatalog a = () -> List.of(first, point("after_ping"));
    HookCatalog b = () -> List.of(point("on_ping"), point("before_ping"));
    List<HookPointDescriptor<?, ?>> merged = HookCatalog.merge(List.of(a, b));
    assertEquals(List.of("after_ping", "before_ping", "on_ping"),
        merged.stream().map(HookPointDescriptor::name).toList());
    assertSame(first, merged.get(2));
  }

  @Test
  void phaseComesFromTheName() {
    assertEquals(Phase.BEFORE, point("before_x").phase());
    assertEquals(Phase.AFTER, point("after_x").phase());
    assertEquals(Phase.ON, point("on_x").phase());
  }

  @Test
  void wireFormPutsTheEnvelopeAroundTheFields() {
    Ping ping = new Ping(Instant.parse("2025-11-05T12:00:00Z"), HookContext.system().withUser(3L).asDryRun());
    assertEquals(Map.of("event", "on_ping", "timestamp", "2025-11-05T12:00:00Z",
        "context", Map.of("user_id", 3L, "settings", Map.of(), "dry_run", true)), ping.toWire());
  }

  @Test
  void noHooksDispatcherNeverActivatesAHandle() {
    HookPointHandle<Ping, NoChanges> handle = HookDispatcher.none().handle(point("on_ping"));
    assertEquals(false, handle.isActive());
  }
}
