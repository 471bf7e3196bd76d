package dev.hookpoint.cli;

import dev.hookpoint.runtime.executor.HookLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated Markdown pages as a terminal shows them best: headings underlined, tables in aligned columns,
 * code indented without its fences, no backticks or link syntax, control characters escaped.
 */
final class TerminalMarkdown {

  private TerminalMarkdown() {}

  static String render(String markdown) {
    StringBuilder out = new StringBuilder();
    List<String> lines = markdown.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
          out.append("    ").append(HookLog.escape(lines.get(i))).append('\n');
        }
      } else if (line.startsWith("|")) {
        List<List<String>> rows = new ArrayList<>();
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
          if (!lines.get(i).matches("\\|[-|: ]+\\|?")) {
            rows.add(cells(lines.get(i)));
          }
        }
        i--;
        table(out, rows);
      } else if (line.startsWith("#")) {
        String title = inline(line.replaceFirst("^#+\\s*", ""));
        out.append(title).append('\n').append((line.startsWith("# ") ? "=" : "-").repeat(title.length()))
            .append('\n');
      } else {
        out.append(inline(line)).append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> cells(String row) {
    String inner = row.strip();
    inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
      cells.add(inline(cell.strip().replace("\\|", "|")));
    }
    return cells;
  }

  private static void table(StringBuilder out, List<List<String>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < row.size(); c++) {
        line.append(c == row.size() - 1 ? row.get(c) : String.format("%-" + widths[c] + "s  ", row.get(c)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** A line without Markdown's inline marks: `code`, **bold**, [text](link) as "text (link)". */
  private static String inline(String text) {
    String plain = text.replaceAll("\\[([^\\]]*)\\]\\(([^)]*)\\)", "$1 ($2)")
        .replaceAll("\\*\\*([^*]+)\\*\\*", "$1")
        .replace("`", "");
    return HookLog.escape(plain);
  }
}
