package dev.hookpoint.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Long compact JSON as a string concatenation of short lines, broken after commas between members, so that a
 * generated constant stays readable without changing the string's value.
 */
final class JsonLines {

  /** About how much JSON goes on one line; quotes are escaped in the source, so lines come out longer. */
  private static final int WIDTH = 72;

  private JsonLines() {}

  // "{\"event\":\"before_media_added\",\"timestamp\":\"2025-11-05T12:00:00Z\","
  //     + "\"media\":{\"type\":\"example type\"},\"context\":{\"user_id\":1}}"
  static CodeBlock concatenated(String json) {
    List<String> lines = lines(json);
    CodeBlock.Builder code = CodeBlock.builder().add("$S", lines.get(0)).indent().indent();
    for (String line : lines.subList(1, lines.size())) {
      code.add("\n+ $S", line);
    }
    return code.unindent().unindent().build();
  }

  static List<String> lines(String json) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int lineStart = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString && c == '\\') {
        i++;
        continue;
      }
      if (c == '"') {
        inString = !inString;
      } else if (c == ',' && !inString) {
        String member = json.substring(lineStart, i + 1);
        if (line.length() > 0 && line.length() + member.length() > WIDTH) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(member);
        lineStart = i + 1;
      }
    }
    String last = json.substring(lineStart);
    if (line.length() > 0 && line.length() + last.length() > WIDTH) {
      lines.add(line.toString());
      line.setLength(0);
    }
    lines.add(line.append(last).toString());
    return lines;
  }
}
