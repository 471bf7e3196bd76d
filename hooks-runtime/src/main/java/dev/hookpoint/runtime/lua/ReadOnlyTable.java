package dev.hookpoint.runtime.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A table no hook can change, not even with {@code rawset}, {@code table.insert} or {@code setmetatable}: the
 * shared libraries every run sees. Filled once through {@link #seal}.
 *
 * <p>Every function put in one is wrapped in a {@link LimitedFunction}: this is where every library function
 * passes on its way to a hook, so none can be exposed, now or later, outside the run's limits.
 */
final class ReadOnlyTable extends LuaTable {

  private final String name;
  private boolean sealed;

  ReadOnlyTable(String name) {
    this.name = name;
  }

  /** Puts an entry before sealing; a function is put limited. */
  ReadOnlyTable with(String key, LuaValue value) {
    return with(LuaValue.valueOf(key), value);
  }

  /** Puts an entry with any key (such as {@code __index}) before sealing; a function is put limited. */
  ReadOnlyTable with(LuaValue key, LuaValue value) {
    rawset(key, LimitedFunction.of(value));
    return this;
  }

  ReadOnlyTable seal() {
    sealed = true;
    return this;
  }

  private LuaError refused() {
    return new LuaError("attempt to modify the read-only table '" + name + "'");
  }

  private void checkOpen() {
    if (sealed) {
      throw refused();
    }
  }

  @Override
  public void rawset(LuaValue key, LuaValue value) {
    checkOpen();
    super.rawset(key, value);
  }

  @Override
  public void rawset(int key, LuaValue value) {
    checkOpen();
    super.rawset(key, value);
  }

  @Override
  public void hashset(LuaValue key, LuaValue value) {
    checkOpen();
    super.hashset(key, value);
  }

  @Override
  public void insert(int position, LuaValue value) {
    checkOpen();
    super.insert(position, value);
  }

  @Override
  public LuaValue remove(int position) {
    checkOpen();
    return super.remove(position);
  }

  @Override
  public void sort(LuaValue comparator) {
    checkOpen();
    super.sort(comparator);
  }

  @Override
  public LuaValue setmetatable(LuaValue metatable) {
    checkOpen();
    return super.setmetatable(metatable);
  }
}
