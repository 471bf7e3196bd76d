package dev.hookpoint.runtime.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns host values into plain payload data (maps, lists, strings, numbers, booleans). Called by generated event
 * records; each method accepts {@code null} and returns {@code null}.
 */
public final class WireEncoder {

  private WireEncoder() {}

  /** Dates, times, UUIDs, decimals and paths travel as their ISO/standard text. */
  public static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** The lower-case names of each enum type's constants, by ordinal, worked out once per type. */
  private static final ClassValue<String[]> LOWER_CASE_NAMES = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] names = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
      }
      return names;
    }
  };

  /** Enum constants travel as lower-case names: {@code TV_SHOW} becomes {@code tv_show}. */
  public static String enumName(Enum<?> value) {
    return value == null ? null : LOWER_CASE_NAMES.get(value.getDeclaringClass())[value.ordinal()];
  }

  /** A list of values that travel as they are (strings, numbers, booleans), copied. */
  public static List<Object> list(List<?> values) {
    return list(values, value -> value);
  }

  /** A map of values that travel as they are, copied. */
  public static Map<String, Object> map(Map<String, ?> values) {
    return map(values, value -> value);
  }

  /** A list with each element encoded; a fresh list, so hooks never see the host's own. */
  public static <T> List<Object> list(List<? extends T> values, Function<? super T, Object> encoder) {
    if (values == null) {
      return null;
    }
    List<Object> wire = new ArrayList<>(values.size());
    for (T value : values) {
      wire.add(value == null ? null : encoder.apply(value));
    }
    return wire;
  }

  /** A map with each value encoded, keys kept in the host's order. */
  public static <T> Map<String, Object> map(Map<String, ? extends T> values, Function<? super T, Object> encoder) {
    if (values == null) {
      return null;
    }
    Map<String, Object> wire = new LinkedHashMap<>(values.size() * 2);
    values.forEach((key, value) -> wire.put(key, value == null ? null : encoder.apply(value)));
    return wire;
  }
}
