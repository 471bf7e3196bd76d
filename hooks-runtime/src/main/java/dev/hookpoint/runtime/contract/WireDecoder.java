package dev.hookpoint.runtime.contract;

import dev.hookpoint.runtime.HookDataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Validates plain data a hook returned (maps, lists, strings, numbers, booleans) into host types. Called by
 * generated changes records. Every failure is a {@link HookDataException} that names the dotted key, the expected
 * type and, for objects, the allowed keys.
 */
public final class WireDecoder {

  private WireDecoder() {}

  /** Decodes one value found at {@code path}. */
  @FunctionalInterface
  public interface ValueDecoder<T> {
    T decode(Object value, WirePath path);
  }

  /**
   * The value as an object whose keys are all among {@code allowed}.
   *
   * @param path the object's path, {@link WirePath#ROOT} for the top level of {@code changes}
   */
  public static Map<String, ?> object(Object value, WirePath path, List<String> allowed) {
    if (!(value instanceof Map<?, ?> map)) {
      throw mismatch(value, path, "object with keys " + allowed);
    }
    for (Object key : map.keySet()) {
      if (!(key instanceof String name) || !allowed.contains(name)) {
        String where = path.key(String.valueOf(key)).toString();
        String rule = allowed.isEmpty()
            ? "hooks may change nothing here"
            : "hooks may change only " + String.join(", ", allowed);
        throw new HookDataException(where, "one of " + allowed, allowed,
            "unknown key '" + where + "': " + rule);
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> checked = (Map<String, ?>) map;
    return checked;
  }

  public static String string(Object value, WirePath path) {
    if (value instanceof String text) {
      return text;
    }
    throw mismatch(value, path, "string");
  }

  public static Boolean bool(Object value, WirePath path) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw mismatch(value, path, "boolean");
  }

  public static Byte int8(Object value, WirePath path) {
    return (byte) integral(value, path, Byte.MIN_VALUE, Byte.MAX_VALUE, "integer (8-bit)");
  }

  public static Short int16(Object value, WirePath path) {
    return (short) integral(value, path, Short.MIN_VALUE, Short.MAX_VALUE, "integer (16-bit)");
  }

  public static Integer int32(Object value, WirePath path) {
    return (int) integral(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
  }

  public static Long int64(Object value, WirePath path) {
    return integral(value, path, Long.MIN_VALUE, Long.MAX_VALUE, "integer (64-bit)");
  }

  public static Double float64(Object value, WirePath path) {
    if (value instanceof Number number && !(value instanceof BigDecimal) && !(value instanceof BigInteger)) {
      double result = number.doubleValue();
      if (Double.isFinite(result)) {
        return result;
      }
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      double result = ((Number) value).doubleValue();
      if (Double.isFinite(result)) {
        return result;
      }
    }
    throw mismatch(value, path, "finite number");
  }

  public static Float float32(Object value, WirePath path) {
    double result = float64(value, path);
    if (Math.abs(result) > Float.MAX_VALUE) {
      throw mismatch(value, path, "number within float range");
    }
    return (float) result;
  }

  public static BigDecimal decimal(Object value, WirePath path) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(float64(value, path));
    }
    if (value instanceof Number number) {
      return BigDecimal.valueOf(number.longValue());
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw mismatch(value, path, "decimal number");
      }
    }
    throw mismatch(value, path, "decimal number");
  }

  public static Instant instant(Object value, WirePath path) {
    return parsed(value, path, "ISO-8601 instant, e.g. 2025-11-05T12:00:00Z", Instant::parse);
  }

  public static LocalDate localDate(Object value, WirePath path) {
    return parsed(value, path, "ISO-8601 date, e.g. 2025-11-05", LocalDate::parse);
  }

  public static LocalDateTime localDateTime(Object value, WirePath path) {
    return parsed(value, path, "ISO-8601 date-time, e.g. 2025-11-05T12:00:00", LocalDateTime::parse);
  }

  public static OffsetDateTime offsetDateTime(Object value, WirePath path) {
    return parsed(value, path, "ISO-8601 date-time with offset, e.g. 2025-11-05T12:00:00+01:00",
        OffsetDateTime::parse);
  }

  public static UUID uuid(Object value, WirePath path) {
    return parsed(value, path, "UUID", UUID::fromString);
  }

  /** An enum constant from its lower-case wire name (case is ignored). */
  public static <T extends Enum<T>> T enumConstant(Object value, WirePath path, T[] constants) {
    if (value instanceof String text) {
      for (T constant : constants) {
        if (constant.name().equalsIgnoreCase(text)) {
          return constant;
        }
      }
    }
    List<String> names = Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    throw mismatch(value, path, "one of " + names);
  }

  /** A list whose every element decodes; element paths are {@code path[1]}, counted from 1 as in Lua. */
  public static <T> List<T> list(Object value, WirePath path, ValueDecoder<T> element) {
    if (!(value instanceof List<?> list)) {
      throw mismatch(value, path, "list");
    }
    List<T> result = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      result.add(element.decode(list.get(i), path.element(i + 1)));
    }
    return java.util.Collections.unmodifiableList(result);
  }

  /** A map with string keys whose every value decodes. */
  public static <T> Map<String, T> map(Object value, WirePath path, ValueDecoder<T> element) {
    if (!(value instanceof Map<?, ?> map)) {
      throw mismatch(value, path, "object");
    }
    Map<String, T> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw mismatch(entry.getKey(), path, "object with string keys");
      }
      result.put(key, element.decode(entry.getValue(), path.key(key)));
    }
    return result;
  }

  /** The value of a key a whole record needs (a primitive component), or a data error naming it. */
  public static Object require(Map<String, ?> object, String key, WirePath path) {
    Object value = object.get(key);
    if (value == null) {
      String where = path.key(key).toString();
      throw new HookDataException(where, "a value", List.of(), "'" + where + "' is required here");
    }
    return value;
  }

  private static long integral(Object value, WirePath path, long min, long max, String expected) {
    long result;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      result = ((Number) value).longValue();
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      // Lua and JSON have one number type; 3.0 is the integer 3, 3.5 is not.
      if (number != Math.rint(number) || Double.isInfinite(number) || number < min || number > max) {
        throw mismatch(value, path, expected);
      }
      result = (long) number;
    } else if (value instanceof BigInteger || value instanceof BigDecimal) {
      try {
        result = new BigDecimal(value.toString()).longValueExact();
      } catch (ArithmeticException e) {
        throw mismatch(value, path, expected);
      }
    } else {
      throw mismatch(value, path, expected);
    }
    if (result < min || result > max) {
      throw mismatch(value, path, expected + " between " + min + " and " + max);
    }
    return result;
  }

  private static <T> T parsed(Object value, WirePath path, String expected, Function<String, T> parser) {
    if (value instanceof String text) {
      try {
        return parser.apply(text);
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw mismatch(value, path, expected);
      }
    }
    throw mismatch(value, path, expected);
  }

  private static HookDataException mismatch(Object value, WirePath path, String expected) {
    // A hook keeps a value by leaving its key out; null never means "unchanged" or "cleared".
    String hint = value == null ? "; leave the key out to keep the current value" : "";
    String where = path.toString();
    return new HookDataException(where, expected, List.of(),
        "'" + where + "' must be " + withArticle(expected) + ", got " + describe(value) + hint);
  }

  private static String withArticle(String expected) {
    if (expected.startsWith("one of ")) {
      return expected;
    }
    return expected.matches("^[aeiouAEIOU].*") ? "an " + expected : "a " + expected;
  }

  /** A short, bounded description of a bad value: a hook's garbage must not flood the logs. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String kind;
    if (value instanceof String) {
      kind = "string";
    } else if (value instanceof Boolean) {
      kind = "boolean";
    } else if (value instanceof Number) {
      kind = "number";
    } else if (value instanceof List<?>) {
      return "a list";
    } else if (value instanceof Map<?, ?>) {
      return "an object";
    } else {
      return "a value of an unsupported kind";
    }
    String text = String.valueOf(value);
    if (text.length() > 60) {
      text = text.substring(0, 60) + "...";
    }
    return kind + " " + (value instanceof String ? "'" + text + "'" : text);
  }
}
