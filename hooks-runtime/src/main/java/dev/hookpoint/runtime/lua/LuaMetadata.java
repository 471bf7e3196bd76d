package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.discovery.HeaderMetadata;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.OnError;
import dev.hookpoint.runtime.executor.SandboxRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.Globals;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

/**
 * Reads a Lua hook's {@code hook = { name = ..., description = ..., author = ..., version = ..., api_version = ...,
 * timeout_ms = ..., retries = ..., on_error = ... }} table without running the hook: the table constructor is cut out of the source and evaluated alone, with no
 * libraries and a tiny instruction budget, so listing hooks never runs their code. Without a table, the header
 * comment format of scripts applies ({@code -- name: ...}).
 */
final class LuaMetadata {

  private static final Pattern HOOK_TABLE = Pattern.compile("(?m)^[ \\t]*hook[ \\t]*=[ \\t]*\\{");

  private LuaMetadata() {}

  static HookMetadata read(String source, String fileName, String file) throws HookFailure {
    Matcher matcher = HOOK_TABLE.matcher(source);
    if (!matcher.find()) {
      List<String> header = source.lines().limit(60).toList();
      HookMetadata metadata = HeaderMetadata.parse(header, fileName);
      if (metadata.sandbox().isEmpty()) {
        return metadata;
      }
      // The sandbox keys are a process hook's; a Lua hook asking for them would believe it got them.
      HookMetadata.Warning notForLua = new HookMetadata.Warning(metadata.sandbox().firstLine(), "network and max_* in "
          + "a header narrow a process hook's sandbox; a Lua hook has no network but its http helper, and its limits "
          + "are hooks.lua.* (max_memory_bytes, max_instructions)");
      return HeaderMetadata.parse(header, fileName, List.of(notForLua));
    }
    int open = matcher.end() - 1;
    int line = 1 + (int) source.substring(0, open).chars().filter(c -> c == '\n').count();
    int close = matchingBrace(source, open);
    if (close < 0) {
      throw HookFailure.loadError("the hook = { ... } table is not closed", file, line);
    }
    LuaTable table = evaluate(source.substring(open, close + 1), file, line);
    return new HookMetadata(
        text(table, "name", fileName, file, line),
        text(table, "description", "", file, line),
        text(table, "author", "", file, line),
        text(table, "version", "", file, line),
        timeout(table, file, line),
        onError(table, file, line),
        SandboxRequest.NONE, List.of(),
        apiVersion(table, file, line),
        retries(table, file, line));
  }

  private static HookMetadata.ApiVersion apiVersion(LuaTable table, String file, int line) throws HookFailure {
    LuaValue value = table.rawget("api_version");
    if (value.isnil()) {
      return null;
    }
    if (!value.isnumber() || value.todouble() < 1 || value.todouble() != Math.rint(value.todouble())) {
      throw HookFailure.loadError("hook.api_version must be a whole number, e.g. api_version = "
          + HookMetadata.API_VERSION + ", got " + value.tojstring(), file, line);
    }
    return new HookMetadata.ApiVersion((int) Math.min(value.todouble(), Integer.MAX_VALUE), line);
  }

  private static LuaTable evaluate(String constructor, String file, int line) throws HookFailure {
    String chunk = "return " + constructor;
    try {
      Globals empty = new Globals();
      empty.debuglib = new LuaLimiter(10_000, System.nanoTime() + 100_000_000L, 1 << 20, 20);
      Prototype compiled = LuaC.instance.compile(new ByteArrayInputStream(chunk.getBytes(StandardCharsets.UTF_8)),
          "=hook");
      if (callsAFunction(compiled)) {
        // Strings share one metatable in LuaJ, so ('x'):rep(3) would reach the sandbox's own library here.
        throw HookFailure.loadError("the hook = { ... } table must hold plain values (strings, numbers): it calls "
            + "a function, and the table is read without running the hook", file, line);
      }
      LuaValue value = new LuaClosure(compiled, empty).call();
      return value.checktable();
    } catch (LuaError | LuaLimitError | java.io.IOException e) {
      throw HookFailure.loadError("the hook = { ... } table must hold plain values (strings, numbers): "
          + e.getMessage(), file, line);
    }
  }

  private static boolean callsAFunction(Prototype prototype) {
    for (int instruction : prototype.code) {
      int opcode = Lua.GET_OPCODE(instruction);
      if (opcode == Lua.OP_CALL || opcode == Lua.OP_TAILCALL || opcode == Lua.OP_SELF) {
        return true;
      }
    }
    return false;
  }

  private static String text(LuaTable table, String key, String fallback, String file, int line)
      throws HookFailure {
    LuaValue value = table.rawget(key);
    if (value.isnil()) {
      return fallback;
    }
    if (value.type() != LuaValue.TSTRING && value.type() != LuaValue.TNUMBER) {
      throw HookFailure.loadError("hook." + key + " must be a string, got a " + value.typename(), file, line);
    }
    return value.tojstring();
  }

  private static OnError onError(LuaTable table, String file, int line) throws HookFailure {
    LuaValue value = table.rawget("on_error");
    if (value.isnil()) {
      return OnError.IGNORE;
    }
    try {
      return OnError.parse(value.tojstring());
    } catch (IllegalArgumentException e) {
      throw HookFailure.loadError("hook." + e.getMessage() + ", e.g. on_error = \"veto\"", file, line);
    }
  }

  private static Long timeout(LuaTable table, String file, int line) throws HookFailure {
    LuaValue value = table.rawget("timeout_ms");
    if (value.isnil()) {
      return null;
    }
    if (!value.isnumber() || value.todouble() <= 0 || value.todouble() != Math.rint(value.todouble())) {
      throw HookFailure.loadError("hook.timeout_ms must be a positive whole number of milliseconds, got "
          + value.tojstring(), file, line);
    }
    return (long) value.todouble();
  }

  private static Integer retries(LuaTable table, String file, int line) throws HookFailure {
    LuaValue value = table.rawget("retries");
    if (value.isnil()) {
      return null;
    }
    if (!value.isnumber() || value.todouble() < 0 || value.todouble() > Integer.MAX_VALUE
        || value.todouble() != Math.rint(value.todouble())) {
      throw HookFailure.loadError("hook.retries must be a whole number, 0 or more (it can only lower "
          + "hooks.async.retries), got " + value.tojstring(), file, line);
    }
    return (int) value.todouble();
  }

  /** The index of the brace closing the one at {@code open}, skipping strings and comments; -1 if none. */
  static int matchingBrace(String source, int open) {
    int depth = 0;
    int i = open;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '-' && source.startsWith("--", i)) {
        int longEnd = longBracketEnd(source, i + 2);
        i = longEnd >= 0 ? longEnd : lineEnd(source, i);
        continue;
      }
      if (c == '"' || c == '\'') {
        i = quotedEnd(source, i, c);
        continue;
      }
      if (c == '[') {
        int longEnd = longBracketEnd(source, i);
        if (longEnd >= 0) {
          i = longEnd;
          continue;
        }
      }
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private static int lineEnd(String source, int from) {
    int end = source.indexOf('\n', from);
    return end < 0 ? source.length() : end + 1;
  }

  private static int quotedEnd(String source, int start, char quote) {
    for (int i = start + 1; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i + 1;
      }
    }
    return source.length();
  }

  /** The index after a long bracket ({@code [[...]]}, {@code [==[...]==]}) starting at {@code start}, or -1. */
  private static int longBracketEnd(String source, int start) {
    if (start >= source.length() || source.charAt(start) != '[') {
      return -1;
    }
    int level = 0;
    int i = start + 1;
    while (i < source.length() && source.charAt(i) == '=') {
      level++;
      i++;
    }
    if (i >= source.length() || source.charAt(i) != '[') {
      return -1;
    }
    String close = "]" + "=".repeat(level) + "]";
    int end = source.indexOf(close, i + 1);
    return end < 0 ? source.length() : end + close.length();
  }

}
