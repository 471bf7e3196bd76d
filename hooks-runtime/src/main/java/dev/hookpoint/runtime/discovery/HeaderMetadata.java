package dev.hookpoint.runtime.discovery;

import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.OnError;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a script's metadata from its header comment: lines like {@code # name: Notify Plex} (or with {@code --}
 * or {@code //}) among the first lines of the file. Keys: {@code name}, {@code description}, {@code author},
 * {@code version}, {@code timeout_ms}, {@code on_error} ({@code ignore} or {@code veto}). Unknown keys are ignored; reading stops at the first line that is not a
 * comment, a shebang or blank.
 */
public final class HeaderMetadata {

  private static final int MAX_LINES = 40;
  private static final Pattern ENTRY =
      Pattern.compile("^\\s*(?:#|--|//)\\s*(name|description|author|version|timeout_ms|timeout|on_error)\\s*:\\s*(.*?)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("^\\s*(#|--|//).*$");

  private HeaderMetadata() {}

  /**
   * The metadata in the given first lines of a file.
   *
   * @param fallbackName the name when the header gives none, usually the file name
   * @throws IllegalArgumentException when {@code timeout_ms} is not a positive whole number, or {@code on_error}
   *     neither {@code ignore} nor {@code veto}
   */
  public static HookMetadata parse(List<String> lines, String fallbackName) {
    String name = fallbackName;
    String description = "";
    String author = "";
    String version = "";
    Long timeoutMs = null;
    OnError onError = OnError.IGNORE;
    int count = 0;
    for (String line : lines) {
      if (++count > MAX_LINES || !(line.isBlank() || COMMENT.matcher(line).matches())) {
        break;
      }
      Matcher entry = ENTRY.matcher(line);
      if (!entry.matches()) {
        continue;
      }
      String value = entry.group(2);
      switch (entry.group(1).toLowerCase(Locale.ROOT)) {
        case "name" -> name = value;
        case "description" -> description = value;
        case "author" -> author = value;
        case "version" -> version = value;
        case "on_error" -> onError = onError(value, count);
        default -> timeoutMs = timeout(value, count);
      }
    }
    return new HookMetadata(name, description, author, version, timeoutMs, onError);
  }

  private static OnError onError(String value, int line) {
    try {
      return OnError.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + line + ": " + e.getMessage() + ", e.g. '# on_error: veto'");
    }
  }

  private static Long timeout(String value, int line) {
    try {
      long timeout = Long.parseLong(value.replace("_", ""));
      if (timeout > 0) {
        return timeout;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException("line " + line + ": timeout_ms must be a positive whole number of "
        + "milliseconds, e.g. '# timeout_ms: 10000'; got '" + value + "'");
  }
}
