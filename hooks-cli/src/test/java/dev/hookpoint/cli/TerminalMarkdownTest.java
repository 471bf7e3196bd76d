package dev.hookpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What {@code hooks docs EVENT} makes of a generated page for the terminal. */
class TerminalMarkdownTest {

  @Test
  void headingsAreUnderlinedTablesAlignedCodeIndentedAndMarksGone() {
    String page = "# `before_x`\n\nSee [the guide](guide.md), **now**.\n\n## Fields\n\n"
        + "| Field | Type |\n|---|---|\n| `media.title` | string or null |\n| `a\\|b` | x |\n\n"
        + "```lua\nreturn { modified = false }\n```\n";
    assertEquals("before_x\n========\n\nSee the guide (guide.md), now.\n\nFields\n------\n\n"
        + "  Field        Type\n  media.title  string or null\n  a|b          x\n\n"
        + "    return { modified = false }\n", TerminalMarkdown.render(page));
  }

  @Test
  void controlCharactersAreEscapedEverywhere() {
    assertEquals("a\\u001b[2J\n  b\\u0007\n    c\\u001b]0;x\n",
        TerminalMarkdown.render("a\u001b[2J\n| b\u0007 |\n```\nc\u001b]0;x\n```\n"));
  }
}
