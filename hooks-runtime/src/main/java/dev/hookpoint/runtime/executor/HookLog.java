package dev.hookpoint.runtime.executor;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines one hook run writes, kept for the run history (capped in count and length, so a chatty or
 * hostile hook cannot flood memory) and passed to SLF4J with the event and hook in every message.
 *
 * <p>A hook's text never reaches either raw: control characters are written visibly (newline as backslash-n,
 * carriage return as backslash-r, the others as backslash-u and four hex digits, so ESC as backslash-u001b), so
 * a hook cannot end its line and forge one of the host's, move the cursor or clear the operator's terminal.
 * This is the one place both executors' lines pass (Lua's {@code print} and {@code log.*}, process hooks'
 * stderr). Tab is kept: {@code print} separates its values with it, and it cannot forge a line.
 */
public final class HookLog {

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookpoint.hooks");

  /** How important a line is; SLF4J gets it as the level. */
  public enum Level { INFO, WARN, ERROR }

  private final String prefix;
  private final int maxLines;
  private final int maxLength;
  private final List<String> lines = new ArrayList<>();
  private int dropped;

  public HookLog(String hookId, int maxLines, int maxLength) {
    // A hook's file name is the hook author's text too.
    this.prefix = "[" + escape(hookId) + "] ";
    this.maxLines = maxLines;
    this.maxLength = maxLength;
  }

  public void info(String message) {
    add(Level.INFO, message, 0);
  }

  public void warn(String message) {
    add(Level.WARN, message, 0);
  }

  public void error(String message) {
    add(Level.ERROR, message, 0);
  }

  /**
   * The characters the next line may keep: the line length while lines are kept, 0 once the run has written as
   * many as it may (later lines are only counted). Callers that would have to convert a large value to text
   * convert only this much of it.
   */
  public synchronized int room() {
    return lines.size() >= maxLines ? 0 : maxLength;
  }

  /**
   * Adds a line whose caller already cut it, {@code more} characters having been left out; the line is
   * escaped and, if still too long, cut again here.
   */
  public synchronized void add(Level level, String message, long more) {
    if (lines.size() >= maxLines) {
      dropped++;
      return;
    }
    String line = line(message, more);
    lines.add(level + " " + line);
    switch (level) {
      case ERROR -> LOG.error("{}{}", prefix, line);
      case WARN -> LOG.warn("{}{}", prefix, line);
      default -> LOG.info("{}{}", prefix, line);
    }
  }

  /** The kept lines, each {@code LEVEL message}, and a last line counting any dropped. */
  public synchronized List<String> lines() {
    if (dropped == 0) {
      return List.copyOf(lines);
    }
    List<String> all = new ArrayList<>(lines);
    all.add("WARN " + dropped + " more log lines dropped (limit " + maxLines + ")");
    return List.copyOf(all);
  }

  /** {@code text} with its control characters written visibly, as log lines show them; for failure messages. */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      appendEscaped(escaped, text.charAt(i));
    }
    return escaped.toString();
  }

  /**
   * A hook's text as the history, the host's log and the terminal show it: cut to {@code max} characters (with a
   * note of how many were left out), then with its control characters escaped. {@code null} stays {@code null}.
   */
  public static String shown(String text, int max) {
    if (text == null) {
      return null;
    }
    String cut = text.length() <= max ? text
        : text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
    return escape(cut);
  }

  /** The message escaped and cut to the line length, with a note of how many characters were left out. */
  private String line(String message, long more) {
    StringBuilder line = new StringBuilder(Math.min(message.length(), maxLength) + 32);
    int kept = 0;
    for (; kept < message.length(); kept++) {
      char c = message.charAt(kept);
      int before = line.length();
      appendEscaped(line, c);
      if (line.length() > maxLength) {
        line.setLength(before);
        break;
      }
    }
    if (kept < message.length() && kept > 0 && Character.isHighSurrogate(message.charAt(kept - 1))) {
      // Never keep half a character.
      line.setLength(line.length() - 1);
      kept--;
    }
    long left = more + message.length() - kept;
    return left == 0 ? line.toString() : line.append("... (").append(left).append(" more characters)").toString();
  }

  /**
   * Appends {@code c}, or its visible form if it is a control character: C0 (but tab), DEL, C1, and the Unicode
   * line and paragraph separators, which some viewers break lines at.
   */
  private static void appendEscaped(StringBuilder out, char c) {
    if (c == '\t' || (c >= 0x20 && c < 0x7f) || (c > 0x9f && c != '\u2028' && c != '\u2029')) {
      out.append(c);
    } else if (c == '\n') {
      out.append("\\n");
    } else if (c == '\r') {
      out.append("\\r");
    } else {
      out.append(String.format("\\u%04x", (int) c));
    }
  }
}
