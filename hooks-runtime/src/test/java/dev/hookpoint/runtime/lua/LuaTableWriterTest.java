package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.WireWriter;
import dev.hookpoint.runtime.testing.MediaEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** An event written straight to a Lua table is the table its map would have made, nils, lists and numbers alike. */
class LuaTableWriterTest {

  /** Every kind of value, nested, with nulls in objects and in lists, and numbers on both sides of an int. */
  private static Map<String, Object> payload() {
    Map<String, Object> media = new LinkedHashMap<>();
    media.put("title", "Heat");
    media.put("year", null);
    media.put("size", 5_000_000_000L);
    media.put("rating", 7.5);
    media.put("tags", new ArrayList<>(Arrays.asList("a", null, "c")));
    media.put("monitored", true);
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("event", "before_media_added");
    wire.put("timestamp", "2025-11-05T12:00:00Z");
    wire.put("media", media);
    wire.put("empty", Map.of());
    wire.put("context", Map.of("user_id", 1, "settings", Map.of(), "dry_run", false));
    return wire;
  }

  /** An event known only by its map: the default writeTo walks it. */
  private record MapEvent(Map<String, Object> wire) implements HookEvent {
    @Override
    public String event() {
      return "before_media_added";
    }

    @Override
    public Instant timestamp() {
      return Instant.EPOCH;
    }

    @Override
    public HookContext context() {
      return HookContext.system();
    }

    @Override
    public void writeFields(Map<String, Object> fields) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Object> toWire() {
      return wire;
    }
  }

  private static List<String> dump(LuaValue value) {
    List<String> lines = new ArrayList<>();
    dump(value, "", lines);
    lines.sort(null);
    return lines;
  }

  private static void dump(LuaValue value, String path, List<String> lines) {
    if (!value.istable()) {
      lines.add(path + " = " + value.typename() + ":" + value.tojstring());
      return;
    }
    LuaTable table = (LuaTable) value;
    lines.add(path + " = table, length " + table.rawlen());
    for (LuaValue key : table.keys()) {
      dump(table.rawget(key), path + "[" + key.typename() + ":" + key.tojstring() + "]", lines);
    }
  }

  @Test
  void writingAnEventMakesTheTableItsMapMakes() {
    Map<String, Object> wire = payload();
    assertEquals(dump(LuaValues.toLua(wire)), dump(LuaTableWriter.table(new MapEvent(wire))));
  }

  @Test
  void aGeneratedStyleEventWritesTheSameTableAsItsWireMap() {
    MediaEvent event = MediaEvent.of("before_media_added", HookContext.system(), "Heat");
    assertEquals(dump(LuaValues.toLua(event.toWire())), dump(LuaTableWriter.table(event)));
  }

  @Test
  void everyBeginHasItsEnd() {
    List<String> calls = new ArrayList<>();
    new MapEvent(payload()).writeTo(new WireWriter() {
      @Override
      public void beginObject(String key, int size) {
        calls.add("{" + size);
      }

      @Override
      public void endObject() {
        calls.add("}");
      }

      @Override
      public void beginList(String key, int size) {
        calls.add("[" + size);
      }

      @Override
      public void endList() {
        calls.add("]");
      }

      @Override
      public void string(String key, String value) {}

      @Override
      public void number(String key, long value) {}

      @Override
      public void number(String key, double value) {}

      @Override
      public void bool(String key, boolean value) {}

      @Override
      public void nullValue(String key) {}
    });
    assertEquals(List.of("{5", "{6", "[3", "]", "}", "{0", "}", "{3", "{0", "}", "}", "}"), calls);
  }
}
