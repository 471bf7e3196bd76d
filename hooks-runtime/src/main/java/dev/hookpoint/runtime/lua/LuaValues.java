package dev.hookpoint.runtime.lua;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaInteger;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Converts between plain Java data (maps, lists, strings, numbers, booleans) and Lua values.
 *
 * <p>Lua to Java is defensive, because the values come from a hook: it reads tables raw (metatables with looping
 * {@code __index} or {@code __pairs} are never called), refuses cycles, stops at a depth and a total size (keys
 * count), and polls the run's limits as it goes, so converting any value takes bounded time and memory.
 */
final class LuaValues {

  /** How deep a hook's result may nest. */
  static final int MAX_DEPTH = 32;
  /** How many values in all a hook's result may hold. */
  static final int MAX_VALUES = 100_000;
  /** How many characters in all a hook's result may hold. */
  static final long MAX_CHARS = 8L * 1024 * 1024;

  private LuaValues() {}

  /** A value a hook cannot return; the message says where and why. */
  static final class ConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConversionException(String message) {
      super(message);
    }
  }

  /**
   * Lua strings of recently used map keys: the same field names arrive with every event, and encoding them to
   * UTF-8 each time is a measurable part of a hook run. Bounded: cleared when full.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, LuaValue> KEYS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_KEYS = 4096;

  static LuaValue key(String name) {
    LuaValue key = KEYS.get(name);
    if (key == null) {
      if (KEYS.size() >= MAX_KEYS) {
        KEYS.clear();
      }
      key = LuaValue.valueOf(name);
      KEYS.put(name, key);
    }
    return key;
  }

  /** A string's bytes, in a fresh array. */
  static byte[] bytes(LuaString text) {
    byte[] bytes = new byte[text.length()];
    text.copyInto(0, bytes, 0, bytes.length);
    return bytes;
  }

  /** Plain data to Lua: maps become tables, lists become arrays from 1, {@code null} becomes nil. */
  static LuaValue toLua(Object value) {
    if (value == null) {
      return LuaValue.NIL;
    }
    if (value instanceof String text) {
      return LuaValue.valueOf(text);
    }
    if (value instanceof Boolean flag) {
      return LuaValue.valueOf(flag);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return LuaValue.valueOf(((Number) value).intValue());
    }
    if (value instanceof Long number) {
      return number == number.intValue() ? LuaValue.valueOf(number.intValue()) : LuaValue.valueOf((double) number);
    }
    if (value instanceof Number number) {
      return LuaValue.valueOf(number.doubleValue());
    }
    if (value instanceof Map<?, ?> map) {
      LuaTable table = new LuaTable(0, map.size());
      map.forEach((key, item) -> {
        if (item != null) {
          table.rawset(key(String.valueOf(key)), toLua(item));
        }
      });
      return table;
    }
    if (value instanceof List<?> list) {
      LuaTable table = new LuaTable(list.size(), 0);
      for (int i = 0; i < list.size(); i++) {
        table.rawset(i + 1, toLua(list.get(i)));
      }
      return table;
    }
    return LuaValue.valueOf(String.valueOf(value));
  }

  /**
   * Lua to plain data. Tables whose keys are exactly 1..n become lists, other tables maps with string keys; an
   * empty table becomes an empty map.
   *
   * @param where how the value is named in messages, e.g. {@code the result}
   */
  static Object toJava(LuaValue value, String where) {
    return new Reader(true).read(value, null, where, 0, 0);
  }

  /**
   * The same plain data, read in place: the value is checked exactly as {@link #toJava} checks it (the same limits,
   * the same messages, in the same order), but nothing is copied; its tables are read through {@link LuaMapView}
   * and {@link LuaListView} when something reads them. A hook's result is read once by the run's steps and perhaps
   * never by the history, so copying all of it into maps was mostly waste.
   *
   * <p>The tables must not change afterwards. No Lua code runs once its run is over (a coroutine the run's end
   * resumes meets the tripped limiter at its first instruction), and the one table that outlives a run, the globals
   * {@link LuaSandbox} reuses, has a metatable. A result holding a table with a metatable is copied, as
   * {@link #toJava} does: besides the globals, such a table may be weak ({@code __mode}) and lose values to the
   * garbage collector at any time.
   */
  static Object readInPlace(LuaValue value, String where) {
    Reader checker = new Reader(false);
    checker.read(value, null, where, 0, 0);
    return checker.metatables ? toJava(value, where) : plain(value);
  }

  /**
   * A checked value as plain data, its tables as views of themselves.
   *
   * @throws IllegalArgumentException for a value the check rejects (a function, a thread, userdata)
   */
  static Object plain(LuaValue value) {
    switch (value.type()) {
      case LuaValue.TNIL:
        return null;
      case LuaValue.TBOOLEAN:
        return value.toboolean();
      case LuaValue.TNUMBER:
        return number(value);
      case LuaValue.TSTRING:
        return value.tojstring();
      case LuaValue.TTABLE:
        // The check lets through only lists from 1 and tables with string keys, so a table is a list exactly when
        // it has a length; no need to walk it again.
        LuaTable table = (LuaTable) value;
        int length = table.rawlen();
        return length > 0 ? new LuaListView(table, length) : new LuaMapView(table);
      default:
        throw new IllegalArgumentException("a " + value.typename() + " is not plain data");
    }
  }

  /** A Lua number as plain data: integral values as {@code Long} (as JSON would read them), others as Double. */
  static Object number(LuaValue value) {
    if (value instanceof LuaInteger) {
      return (long) value.toint();
    }
    double number = value.todouble();
    if (number == Math.rint(number) && Math.abs(number) < 9.007199254740992E15) {
      return (long) number;
    }
    return number;
  }

  /** Where a value is in a result, spelled out only for messages: {@code the result.changes.groups[2]}. */
  private record Path(Path parent, String name, int index) {
    @Override
    public String toString() {
      if (parent == null) {
        return name;
      }
      return name != null ? parent + "." + name : parent + "[" + index + "]";
    }
  }

  /**
   * Java strings of result keys: scripts return the same constant keys every run. Bounded like {@link #KEYS},
   * and only short keys, copied: the cache outlives the run, and a key cut from a large string shares its bytes.
   */
  private static final java.util.concurrent.ConcurrentHashMap<LuaString, String> NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_CACHED_KEY = 64;

  static String name(LuaString key) {
    if (key.length() > MAX_CACHED_KEY) {
      return key.tojstring();
    }
    String name = NAMES.get(key);
    if (name == null) {
      if (NAMES.size() >= MAX_KEYS) {
        NAMES.clear();
      }
      name = key.tojstring();
      NAMES.put(LuaString.valueUsing(bytes(key)), name);
    }
    return name;
  }

  /**
   * The state of one conversion: the tables on the current path (for cycles; at most {@link #MAX_DEPTH}, so a
   * list), and the running totals. Paths for messages are built only when there is a message to write.
   *
   * <p>It polls the run's limits at every table and every 1024 entries: a result may name one table thousands of
   * times, and walking a table steps over every empty slot LuaJ kept for it, so the walk is bounded by the run's
   * deadline and memory, not only by the value count.
   */
  private static final class Reader {
    /** Sized for a usual result, which nests a few tables deep; it grows for deeper ones. */
    private final List<LuaTable> open = new ArrayList<>(4);
    private final Checkpoint checkpoint = LuaRun.checkpoint();
    /** Whether to build the plain data, or only check that the value is some. */
    private final boolean build;
    private int values;
    private long chars;
    private long steps;
    /** Whether a table met had a metatable. */
    boolean metatables;

    Reader(boolean build) {
      this.build = build;
    }

    private void step() {
      if ((++steps & 1023) == 0) {
        checkpoint.check();
      }
    }

    /** Counts a string's characters (keys too) against {@link #MAX_CHARS}. */
    private void count(LuaString string) {
      chars += string.length();
      if (chars > MAX_CHARS) {
        throw new ConversionException("the result holds more than " + MAX_CHARS + " characters");
      }
    }

    /** The value at {@code name} (or {@code index}, in a list) of {@code parent}; its path is made only if needed. */
    Object read(LuaValue value, Path parent, String name, int index, int depth) {
      if (++values > MAX_VALUES) {
        throw new ConversionException("the result holds more than " + MAX_VALUES + " values");
      }
      switch (value.type()) {
        case LuaValue.TNIL:
        case LuaValue.TBOOLEAN:
        case LuaValue.TNUMBER:
          break;
        case LuaValue.TSTRING:
          count((LuaString) value);
          break;
        case LuaValue.TTABLE:
          return table((LuaTable) value, new Path(parent, name, index), depth);
        default:
          throw new ConversionException(new Path(parent, name, index) + " is a " + value.typename()
              + ", which cannot leave the hook; return strings, numbers, booleans and tables");
      }
      return build ? plain(value) : null;
    }

    /** The table as a list or a map, or {@code null} when only checking. */
    private Object table(LuaTable table, Path path, int depth) {
      if (depth >= MAX_DEPTH) {
        throw new ConversionException(path + " nests deeper than " + MAX_DEPTH + " tables");
      }
      for (LuaTable ancestor : open) {
        if (ancestor == table) {
          throw new ConversionException(path + " contains itself (a cycle); results must be trees");
        }
      }
      open.add(table);
      metatables |= table.getmetatable() != null;
      checkpoint.check();
      try {
        int length = table.rawlen();
        int entries = 0;
        boolean onlyArray = true;
        for (Varargs next = table.next(LuaValue.NIL); !next.arg1().isnil(); next = table.next(next.arg1())) {
          step();
          if (++entries > MAX_VALUES) {
            throw new ConversionException("the result holds more than " + MAX_VALUES + " values");
          }
          LuaValue key = next.arg1();
          if (!(key instanceof LuaInteger) || key.toint() < 1 || key.toint() > length) {
            onlyArray = false;
          }
        }
        if (entries > 0 && onlyArray && entries == length) {
          List<Object> list = build ? new ArrayList<>(length) : null;
          for (int i = 1; i <= length; i++) {
            Object item = read(table.rawget(i), path, null, i, depth + 1);
            if (build) {
              list.add(item);
            }
          }
          return list;
        }
        Map<String, Object> map = build ? new LinkedHashMap<>(entries * 2) : null;
        for (Varargs next = table.next(LuaValue.NIL); !next.arg1().isnil(); next = table.next(next.arg1())) {
          step();
          LuaValue key = next.arg1();
          if (key.type() != LuaValue.TSTRING) {
            throw new ConversionException(path + " has a key of type " + key.typename() + " (" + key.tojstring()
                + "); tables that leave the hook use string keys, or are lists from 1");
          }
          count((LuaString) key);
          String name = name((LuaString) key);
          Object item = read(next.arg(2), path, name, 0, depth + 1);
          if (build) {
            map.put(name, item);
          }
        }
        return map;
      } finally {
        open.remove(open.size() - 1);
      }
    }
  }
}
