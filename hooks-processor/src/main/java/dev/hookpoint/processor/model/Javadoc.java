package dev.hookpoint.processor.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Javadoc comment that hook authors need: the description, {@code @param} and {@code @return},
 * with inline tags turned into Markdown.
 *
 * @param description the text before the first block tag
 * @param params parameter (or record component) name to its description
 * @param returns the {@code @return} text, or empty
 */
record Javadoc(String description, Map<String, String> params, String returns) {

  private static final Pattern INLINE_CODE = Pattern.compile("\\{@(?:code|literal)\\s+([^}]*)}");
  private static final Pattern INLINE_LINK = Pattern.compile("\\{@(?:link|linkplain)\\s+([^}\\s]*)(?:\\s+([^}]*))?}");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  /** Parses a comment as {@code Elements.getDocComment} returns it; {@code null} gives an empty doc. */
  static Javadoc parse(String comment) {
    if (comment == null || comment.isBlank()) {
      return new Javadoc("", Map.of(), "");
    }
    StringBuilder description = new StringBuilder();
    Map<String, String> params = new LinkedHashMap<>();
    String returns = "";
    String tag = null;
    String tagName = null;
    StringBuilder tagText = new StringBuilder();
    for (String rawLine : (comment + "\n@end").split("\n")) {
      String line = rawLine.strip();
      if (line.startsWith("@")) {
        if ("param".equals(tag) && tagName != null) {
          params.put(tagName, clean(tagText.toString()));
        } else if ("return".equals(tag)) {
          returns = clean(tagText.toString());
        }
        String[] parts = line.substring(1).split("\\s+", 3);
        tag = parts[0];
        tagName = null;
        tagText.setLength(0);
        if ("param".equals(tag) && parts.length > 1) {
          tagName = parts[1];
          tagText.append(parts.length > 2 ? parts[2] : "");
        } else if (parts.length > 1) {
          tagText.append(line.substring(1 + tag.length()).strip());
        }
      } else if (tag == null) {
        description.append(line).append(line.isEmpty() ? "\n\n" : " ");
      } else {
        tagText.append(' ').append(line);
      }
    }
    return new Javadoc(clean(description.toString()), Map.copyOf(params), returns);
  }

  private static String clean(String text) {
    Matcher code = INLINE_CODE.matcher(text);
    String result = code.replaceAll(match -> Matcher.quoteReplacement("`" + match.group(1).strip() + "`"));
    Matcher link = INLINE_LINK.matcher(result);
    result = link.replaceAll(match -> Matcher.quoteReplacement(
        match.group(2) != null ? match.group(2).strip() : "`" + match.group(1).replace('#', '.') + "`"));
    result = HTML_TAG.matcher(result).replaceAll("");
    return result.replaceAll("[ \\t]+", " ").replaceAll(" *\n\n *", "\n\n").strip();
  }
}
