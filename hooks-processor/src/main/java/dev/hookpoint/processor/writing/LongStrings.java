package dev.hookpoint.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Long string constants as a concatenation of short lines, broken where a person would break them, so that
 * generated code stays readable without changing the string's value.
 */
final class LongStrings {

  /** About how many characters go on one line; quotes are escaped in the source, so lines come out longer. */
  private static final int WIDTH = 72;

  private LongStrings() {}

  // "{\"event\":\"before_media_added\",\"timestamp\":\"2025-11-05T12:00:00Z\","
  //     + "\"media\":{\"type\":\"example type\"},\"context\":{\"user_id\":1}}"
  /** Compact JSON, broken after the commas between members. */
  static CodeBlock json(String json) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString && c == '\\') {
        i++;
      } else if (c == '"') {
        inString = !inString;
      } else if (c == ',' && !inString) {
        pieces.add(json.substring(start, i + 1));
        start = i + 1;
      }
    }
    pieces.add(json.substring(start));
    return concatenated(pieces);
  }

  // "Before a media item is created in the database. Hooks may fix the item, "
  //     + "or veto it."
  /** Prose, broken after spaces. */
  static CodeBlock text(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', space + 1)) {
      pieces.add(text.substring(start, space + 1));
      start = space + 1;
    }
    pieces.add(text.substring(start));
    return concatenated(pieces);
  }

  private static CodeBlock concatenated(List<String> pieces) {
    String whole = String.join("", pieces);
    if (whole.length() <= WIDTH + WIDTH / 4) {
      // Still fits a line after the call it is passed to; breaking it would only leave a stub.
      return CodeBlock.of("$S", whole);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String piece : pieces) {
      if (line.length() > 0 && line.length() + piece.length() > WIDTH) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(piece);
    }
    lines.add(line.toString());
    CodeBlock.Builder code = CodeBlock.builder().add("$S", lines.get(0)).indent().indent();
    for (String next : lines.subList(1, lines.size())) {
      code.add("\n+ $S", next);
    }
    return code.unindent().unindent().build();
  }
}
