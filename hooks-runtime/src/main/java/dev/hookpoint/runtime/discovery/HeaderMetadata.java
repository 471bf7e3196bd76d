package dev.hookpoint.runtime.discovery;

import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.OnError;
import dev.hookpoint.runtime.executor.SandboxRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a script's metadata from its header comment: lines like {@code # name: Notify Plex} (or with {@code --}
 * or {@code //}) among the first lines of the file. Keys: {@code name}, {@code description}, {@code author},
 * {@code version}, {@code api_version}, {@code timeout_ms}, {@code retries}, {@code on_error} ({@code ignore} or {@code veto}), and for process hooks what
 * they ask of the sandbox: {@code network}, {@code max_memory_mb}, {@code max_processes}, {@code max_cpu_seconds},
 * {@code max_file_mb}. Other keys are ignored; reading stops at the first line that is not a comment, a shebang or
 * blank.
 */
public final class HeaderMetadata {

  private static final int MAX_LINES = 40;
  private static final Pattern ENTRY =
      Pattern.compile("^\\s*(?:#|--|//)\\s*(name|description|author|version|api_version|timeout_ms|retries|on_error|network|max_memory_mb|max_processes|max_cpu_seconds"
          + "|max_file_mb)\\s*:\\s*(.*?)\\s*$",
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
    return parse(lines, fallbackName, List.of());
  }

  /**
   * The metadata, with more warnings about it than its own values give: e.g. a limit the header asks for that the
   * configuration does not allow.
   */
  public static HookMetadata parse(List<String> lines, String fallbackName, List<HookMetadata.Warning> more) {
    String name = fallbackName;
    String description = "";
    String author = "";
    String version = "";
    Long timeoutMs = null;
    Integer retries = null;
    HookMetadata.ApiVersion apiVersion = null;
    OnError onError = OnError.IGNORE;
    SandboxRequest.Asked<Boolean> network = null;
    Map<String, SandboxRequest.Asked<Long>> limits = new HashMap<>();
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
        case "timeout_ms" -> timeoutMs = timeout(value, count, warnings);
        case "retries" -> retries = retries(value, count, warnings);
        case "api_version" -> apiVersion = apiVersion(value, count, warnings);
        case "network" -> network = new SandboxRequest.Asked<>(network(value, count, warnings), count);
        default -> limit(entry.group(1).toLowerCase(Locale.ROOT), value, count, warnings)
            .ifPresent(limit -> limits.put(entry.group(1).toLowerCase(Locale.ROOT), limit));
      }
    }
    warnings.addAll(more);
    SandboxRequest sandbox = new SandboxRequest(network, limits.get("max_memory_mb"), limits.get("max_processes"),
        limits.get("max_cpu_seconds"), limits.get("max_file_mb"));
    return new HookMetadata(name, description, author, version, timeoutMs, onError, sandbox, warnings, apiVersion,
        retries);
  }

  /**
   * A {@code network} that does not parse was meant to say something about the network; the safe reading is that
   * the hook wants none, so it runs without until the header is fixed.
   */
  private static boolean network(String value, int line, List<HookMetadata.Warning> warnings) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> {
        return true;
      }
      case "false", "no", "off" -> {
        return false;
      }
      default -> {
        warnings.add(new HookMetadata.Warning(line, "network must be true or false, e.g. '# network: false'; got '"
            + value + "'; until it is fixed the hook runs without network"));
        return false;
      }
    }
  }

  /** A lower limit, or empty (with a warning) when the value is not a positive whole number. */
  private static Optional<SandboxRequest.Asked<Long>> limit(String key, String value, int line,
      List<HookMetadata.Warning> warnings) {
    try {
      long limit = Long.parseLong(value.replace("_", ""));
      if (limit > 0) {
        return Optional.of(new SandboxRequest.Asked<>(limit, line));
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    warnings.add(new HookMetadata.Warning(line, key + " must be a positive whole number, e.g. '# " + key + ": 64'; "
        + "got '" + value + "'; the configured hooks.process." + key + " applies"));
    return Optional.empty();
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

  /**
   * An {@code api_version} that does not parse is a warning, and the hook is taken as written for this runtime's
   * version, like every hook that does not say.
   */
  private static HookMetadata.ApiVersion apiVersion(String value, int line, List<HookMetadata.Warning> warnings) {
    try {
      int version = Integer.parseInt(value);
      if (version > 0) {
        return new HookMetadata.ApiVersion(version, line);
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    warnings.add(new HookMetadata.Warning(line, "api_version must be a whole number, e.g. '# api_version: "
        + HookMetadata.API_VERSION + "'; got '" + value + "'; the hook is taken as written for version "
        + HookMetadata.API_VERSION));
    return null;
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

  private static Integer retries(String value, int line, List<HookMetadata.Warning> warnings) {
    try {
      int retries = Integer.parseInt(value);
      if (retries >= 0) {
        return retries;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    warnings.add(new HookMetadata.Warning(line, "retries must be a whole number, 0 or more, e.g. '# retries: 1'; "
        + "got '" + value + "'; hooks.async.retries applies"));
    return null;
  }
}
