package dev.hookpoint.runtime.discovery;

import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.OnError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a script's metadata from its header comment: lines like {@code # name: Notify Plex} (or with {@code --}
 * or {@code //}) among the first lines of the file. Keys: {@code name}, {@code description}, {@code author},
 * {@code version}, {@code timeout_ms}, {@code on_error} ({@code ignore} or {@code veto}). Other keys are ignored;
 * reading stops at the first line that is not a comment, a shebang or blank.
 */
public final class HeaderMetadata {

  private static final int MAX_LINES = 40;
  private static final Pattern ENTRY =
      Pattern.compile("^\\s*(?:#|--|//)\\s*(name|description|author|version|timeout_ms|on_error)\\s*:\\s*(.*?)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("^\\s*(#|--|//).*$");

  private HeaderMetadata() {}

  /**
   * The metadata in the given first lines of a file. Only the documented keys are read; a value that does not
   * parse is a {@link HookMetadata.Warning} and its default applies, so a comment that only looks like metadata
   * never keeps a script from running.
   *
   * @param fallbackName the name when the header gives none, usually the file name
   */
  public static HookMetadata parse(List<String> lines, String fallbackName) {
    String name = fallbackName;
    String description = "";
    String author = "";
    String version = "";
    Long timeoutMs = null;
    OnError onError = OnError.IGNORE;
    List<HookMetadata.Warning> warnings = new ArrayList<>();
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
        case "on_error" -> onError = onError(value, count, warnings);
        default -> timeoutMs = timeout(value, count, warnings);
      }
    }
    return new HookMetadata(name, description, author, version, timeoutMs, onError, warnings);
  }

  /**
   * An {@code on_error} that does not parse was meant to say something about failures; the safe reading of a
   * garbled guard is a guard, so it vetoes until it is fixed.
   */
  private static OnError onError(String value, int line, List<HookMetadata.Warning> warnings) {
    try {
      return OnError.parse(value);
    } catch (IllegalArgumentException e) {
      warnings.add(new HookMetadata.Warning(line, e.getMessage() + ", e.g. '# on_error: veto'; until it is fixed "
          + "the hook vetoes on error"));
      return OnError.VETO;
    }
  }

  private static Long timeout(String value, int line, List<HookMetadata.Warning> warnings) {
    try {
      long timeout = Long.parseLong(value.replace("_", ""));
      if (timeout > 0) {
        return timeout;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    warnings.add(new HookMetadata.Warning(line, "timeout_ms must be a positive whole number of milliseconds, e.g. "
        + "'# timeout_ms: 10000'; got '" + value + "'; the default timeout applies"));
    return null;
  }
}
