package dev.hookpoint.runtime.lua;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A checked Lua table with string keys, read as a map without copying it ({@link LuaValues#readInPlace}): a value
 * becomes plain data each time it is read, so what nobody reads is never converted. Read-only.
 */
final class LuaMapView extends AbstractMap<String, Object> {

  private final LuaTable table;
  /** Counted once: the table does not change. */
  private int size = -1;

  LuaMapView(LuaTable table) {
    this.table = table;
  }

  @Override
  public Object get(Object key) {
    return key instanceof String name ? LuaValues.plain(table.rawget(LuaValues.key(name))) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && !table.rawget(LuaValues.key(name)).isnil();
  }

  @Override
  public int size() {
    if (size < 0) {
      int count = 0;
      for (Varargs next = table.next(LuaValue.NIL); !next.arg1().isnil(); next = table.next(next.arg1())) {
        count++;
      }
      size = count;
    }
    return size;
  }

  @Override
  public boolean isEmpty() {
    return table.next(LuaValue.NIL).arg1().isnil();
  }

  /** The keys alone, so that checking them (as every decoder does) converts no value. */
  @Override
  public Set<String> keySet() {
    return new Pairs<>((key, value) -> LuaValues.name((LuaString) key));
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new Pairs<>((key, value) -> new SimpleImmutableEntry<>(LuaValues.name((LuaString) key),
        LuaValues.plain(value)));
  }

  /** The table's pairs, each as {@code read} makes it. */
  private final class Pairs<T> extends AbstractSet<T> {
    private final BiFunction<LuaValue, LuaValue, T> read;

    Pairs(BiFunction<LuaValue, LuaValue, T> read) {
      this.read = read;
    }

    @Override
    public int size() {
      return LuaMapView.this.size();
    }

    @Override
    public Iterator<T> iterator() {
      return new Iterator<>() {
        private Varargs next = table.next(LuaValue.NIL);

        @Override
        public boolean hasNext() {
          return !next.arg1().isnil();
        }

        @Override
        public T next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          T item = read.apply(next.arg1(), next.arg(2));
          next = table.next(next.arg1());
          return item;
        }
      };
    }
  }
}
