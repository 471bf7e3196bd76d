package dev.hookpoint.runtime.executor;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines one hook run writes, kept for the run history (capped in count and length, so a chatty or
 * hostile hook cannot flood memory) and passed to SLF4J with the event and hook in every message.
 */
public final class HookLog {

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookpoint.hooks");

  private final String prefix;
  private final int maxLines;
  private final int maxLength;
  private final List<String> lines = new ArrayList<>();
  private int dropped;

  public HookLog(String hookId, int maxLines, int maxLength) {
    this.prefix = "[" + hookId + "] ";
    this.maxLines = maxLines;
    this.maxLength = maxLength;
  }

  public synchronized void info(String message) {
    add("INFO", message);
  }

  public synchronized void warn(String message) {
    add("WARN", message);
  }

  public synchronized void error(String message) {
    add("ERROR", message);
  }

  private void add(String level, String message) {
    String line = message.length() > maxLength
        ? message.substring(0, maxLength) + "... (" + (message.length() - maxLength) + " more characters)"
        : message;
    if (lines.size() >= maxLines) {
      dropped++;
      return;
    }
    lines.add(level + " " + line);
    switch (level) {
      case "ERROR" -> LOG.error("{}{}", prefix, line);
      case "WARN" -> LOG.warn("{}{}", prefix, line);
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
}
