package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.WireWriter;
import java.util.ArrayDeque;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Builds the Lua table of an event straight from its records: the same table {@link LuaValues#toLua} makes of the
 * event's map (nil values leave no key; lists count from 1), without the map.
 */
final class LuaTableWriter implements WireWriter {

  /** A table being filled, and for a list the index of its next element. */
  private static final class Open {
    final LuaTable table;
    final boolean list;
    int next = 1;

    Open(LuaTable table, boolean list) {
      this.table = table;
      this.list = list;
    }
  }

  private final ArrayDeque<Open> open = new ArrayDeque<>();
  private LuaTable root;

  /** The event as a Lua table. */
  static LuaTable table(HookEvent event) {
    LuaTableWriter writer = new LuaTableWriter();
    event.writeTo(writer);
    return writer.root;
  }

  private void put(String key, LuaValue value) {
    Open into = open.peek();
    if (into.list) {
      into.table.rawset(into.next++, value);
    } else if (!value.isnil()) {
      into.table.rawset(LuaValues.key(key), value);
    }
  }

  private void begin(String key, boolean list, int size) {
    LuaTable table = list ? new LuaTable(size, 0) : new LuaTable(0, size);
    if (open.isEmpty()) {
      root = table;
    } else {
      put(key, table);
    }
    open.push(new Open(table, list));
  }

  @Override
  public void beginObject(String key, int size) {
    begin(key, false, size);
  }

  @Override
  public void endObject() {
    open.pop();
  }

  @Override
  public void beginList(String key, int size) {
    begin(key, true, size);
  }

  @Override
  public void endList() {
    open.pop();
  }

  /** Short values (enum names, statuses, profiles) repeat from event to event; they share the keys' cache. */
  private static final int CACHED_VALUE = 32;

  @Override
  public void string(String key, String value) {
    if (value == null) {
      put(key, LuaValue.NIL);
    } else {
      put(key, value.length() <= CACHED_VALUE ? LuaValues.key(value) : LuaValue.valueOf(value));
    }
  }

  @Override
  public void number(String key, long value) {
    put(key, value == (int) value ? LuaValue.valueOf((int) value) : LuaValue.valueOf((double) value));
  }

  @Override
  public void number(String key, double value) {
    put(key, LuaValue.valueOf(value));
  }

  @Override
  public void bool(String key, boolean value) {
    put(key, LuaValue.valueOf(value));
  }

  @Override
  public void nullValue(String key) {
    put(key, LuaValue.NIL);
  }
}
