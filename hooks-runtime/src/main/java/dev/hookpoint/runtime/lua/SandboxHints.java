package dev.hookpoint.runtime.lua;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to add to LuaJ's "attempt to call nil" when the failing line uses a function the sandbox leaves out: LuaJ
 * names no variable ({@code attempt to index ? (a nil value)}), so without this the author of
 * {@code os.execute("...")} learns only that something was nil.
 */
final class SandboxHints {

  /** What a hook might reach for that the sandbox does not have; {@code os.time} and friends are there. */
  private static final Pattern REMOVED = Pattern.compile("(?<![\\w.:])(io\\.\\w+|os\\.(?:execute|exit|getenv|remove"
      + "|rename|tmpname)|require|dofile|loadfile|collectgarbage|string\\.dump|debug\\.\\w+|package\\.\\w+"
      + "|luajava\\.\\w+)\\b");

  private static final Pattern NIL = Pattern.compile("^attempt to (call|index) (nil|\\? \\(a nil value\\))$");

  private SandboxHints() {}

  /** The message, with a hint when it is about a nil and {@code sourceLine} uses a left-out function. */
  static String withHint(String message, String sourceLine) {
    if (sourceLine == null || !NIL.matcher(message).matches()) {
      return message;
    }
    Matcher removed = REMOVED.matcher(stripComment(sourceLine));
    if (!removed.find()) {
      return message;
    }
    return message + " (" + removed.group(1) + " is not available in the hook sandbox; docs/lua-hooks.md lists "
        + "what is)";
  }

  private static String stripComment(String line) {
    int comment = line.indexOf("--");
    return comment < 0 ? line : line.substring(0, comment);
  }
}
