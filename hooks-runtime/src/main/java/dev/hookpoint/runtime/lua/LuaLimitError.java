package dev.hookpoint.runtime.lua;

/**
 * A hook crossed one of its limits. An {@link Error}, not a {@code LuaError}: Lua's {@code pcall} and
 * {@code xpcall} catch only exceptions, so a hook cannot catch its own stop.
 */
final class LuaLimitError extends Error {

  private static final long serialVersionUID = 1L;

  /** Which limit: {@code time}, {@code instructions}, {@code memory}, {@code depth}, {@code coroutines}. */
  private final String kind;

  LuaLimitError(String kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  String kind() {
    return kind;
  }

  /** Time and instruction limits are timeouts; the others are execution errors. */
  boolean isTimeout() {
    return kind.equals("time") || kind.equals("instructions");
  }
}
