package dev.hookpoint.runtime.lua;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LuaJ's syntax errors in words a hook author can act on. LuaJ reports an unexpected token by its internal number
 * and that number cast to a character ({@code unexpected symbol 286 (Ğ)} for the end of the file); Lua itself
 * says {@code unexpected symbol near <eof>}.
 */
final class SyntaxMessages {

  private static final Pattern UNEXPECTED = Pattern.compile("unexpected symbol (\\d+) \\(.?\\)");
  /** LuaJ's reserved tokens, from {@code LexState.FIRST_RESERVED} (257) on, as Lua 5.2 spells them. */
  private static final String[] RESERVED = {"and", "break", "do", "else", "elseif", "end", "false", "for",
      "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until",
      "while", "..", "...", "==", ">=", "<=", "~=", "::", "<eof>", "a number", "a name", "a string"};
  private static final int FIRST_RESERVED = 257;
  private static final int END_OF_FILE = 286;

  private SyntaxMessages() {}

  /** The message with any token number replaced by what it stands for. */
  static String readable(String message) {
    Matcher unexpected = UNEXPECTED.matcher(message);
    if (!unexpected.find()) {
      return message;
    }
    int token = Integer.parseInt(unexpected.group(1));
    String words;
    if (token == END_OF_FILE) {
      words = "unexpected end of file: is an 'end', a closing bracket or a quote missing?";
    } else if (token >= FIRST_RESERVED && token - FIRST_RESERVED < RESERVED.length) {
      String name = RESERVED[token - FIRST_RESERVED];
      words = "unexpected " + (name.startsWith("a ") ? name : "'" + name + "'");
    } else if (token > ' ' && token < 0x7f) {
      words = "unexpected '" + (char) token + "'";
    } else {
      words = "unexpected character " + token;
    }
    return message.substring(0, unexpected.start()) + words + message.substring(unexpected.end());
  }
}
