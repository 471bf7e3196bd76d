package dev.hookpoint.processor.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** The naming rules that connect Java names, wire names, event names and environment variables. */
public final class Names {

  /** What an event name must look like; also the name of the hooks directory. */
  public static final Pattern EVENT_NAME = Pattern.compile("^(before|after|on)_[a-z][a-z0-9_]*$");

  /** What a wire (payload) name must look like. */
  public static final Pattern WIRE_NAME = Pattern.compile("^[a-z][a-z0-9_]*$");

  private Names() {}

  /** {@code tmdbId} becomes {@code tmdb_id}, {@code MediaItem} becomes {@code media_item}, {@code URL} {@code url}. */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean previousLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1))
            && javaName.charAt(i - 1) != '_';
        boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        boolean acronymEnd = i > 0 && Character.isUpperCase(javaName.charAt(i - 1)) && nextLower;
        if (previousLower || acronymEnd) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code before_media_added} becomes {@code BeforeMediaAdded}. */
  public static String upperCamel(String snakeName) {
    StringBuilder out = new StringBuilder(snakeName.length());
    for (String part : snakeName.split("_")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** {@code before_media_added} becomes {@code beforeMediaAdded}. */
  public static String lowerCamel(String snakeName) {
    String upper = upperCamel(snakeName);
    return Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
  }

  /** {@code before_media_added} becomes {@code BEFORE_MEDIA_ADDED}. */
  public static String constant(String snakeName) {
    return snakeName.toUpperCase(Locale.ROOT);
  }

  /** The variable a process hook reads a field from: {@code media_item.title} is {@code HOOK_MEDIA_ITEM_TITLE}. */
  public static String envVar(String wirePath) {
    return "HOOK_" + wirePath.replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
