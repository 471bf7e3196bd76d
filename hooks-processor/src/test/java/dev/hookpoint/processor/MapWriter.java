package dev.hookpoint.processor;

import dev.hookpoint.runtime.contract.WireWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds plain data from what an event writes, to compare with its wire map. Numbers come out as long or double. */
final class MapWriter implements WireWriter {

  private final Deque<Object> open = new ArrayDeque<>();
  private Object root;

  /** The event as written, and its wire map, both with numbers as long or double. */
  static Object written(dev.hookpoint.runtime.contract.HookEvent event) {
    MapWriter writer = new MapWriter();
    event.writeTo(writer);
    return writer.root;
  }

  /** Plain data with every integer as a long and every other number as a double, as a writer sees them. */
  static Object normalized(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(String.valueOf(key), normalized(item)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(normalized(item)));
      return copy;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float number) {
      return number.doubleValue();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private void put(String key, Object value) {
    Object into = open.peek();
    if (into == null) {
      root = value;
    } else if (into instanceof List<?> list) {
      ((List<Object>) list).add(value);
    } else {
      ((Map<String, Object>) into).put(key, value);
    }
  }

  @Override
  public void beginObject(String key, int size) {
    Map<String, Object> map = new LinkedHashMap<>();
    put(key, map);
    open.push(map);
  }

  @Override
  public void endObject() {
    open.pop();
  }

  @Override
  public void beginList(String key, int size) {
    List<Object> list = new ArrayList<>();
    put(key, list);
    open.push(list);
  }

  @Override
  public void endList() {
    open.pop();
  }

  @Override
  public void string(String key, String value) {
    put(key, value);
  }

  @Override
  public void number(String key, long value) {
    put(key, value);
  }

  @Override
  public void number(String key, double value) {
    put(key, value);
  }

  @Override
  public void bool(String key, boolean value) {
    put(key, value);
  }

  @Override
  public void nullValue(String key) {
    put(key, null);
  }
}
