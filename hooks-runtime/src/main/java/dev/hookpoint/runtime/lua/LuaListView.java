package dev.hookpoint.runtime.lua;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import org.luaj.vm2.LuaTable;

/**
 * A checked Lua table whose keys are 1..n, read as a list without copying it ({@link LuaValues#readInPlace}).
 * Read-only.
 */
final class LuaListView extends AbstractList<Object> implements RandomAccess {

  private final LuaTable table;
  private final int length;

  LuaListView(LuaTable table, int length) {
    this.table = table;
    this.length = length;
  }

  @Override
  public Object get(int index) {
    Objects.checkIndex(index, length);
    return LuaValues.plain(table.rawget(index + 1));
  }

  @Override
  public int size() {
    return length;
  }
}
