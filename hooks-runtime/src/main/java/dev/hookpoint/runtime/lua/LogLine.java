package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.executor.HookLog;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * One line of a hook's log from Lua values ({@code print}'s tab-separated values, or {@code log.*}'s message),
 * cut to the line length before any of it becomes a Java string: a string's bytes are cut, then decoded, and
 * what does not fit is only measured. Converting first and cutting after made {@code print(unpack(t))} with
 * 200 references to one 10 MB string build a 2 GB string, outside the run's memory budget and the JVM's heap.
 */
final class LogLine {

  private final HookLog log;
  private final StringBuilder text = new StringBuilder();
  private int room;
  /** Characters left out: bytes of Lua strings, as {@code #s} counts them, and Java characters of the rest. */
  private long more;

  private LogLine(HookLog log) {
    this.log = log;
    this.room = log.room();
  }

  /** Writes {@code values}, tab-separated, as one line of the run's log at {@code level}. */
  static void write(HookLog.Level level, Varargs values) {
    LogLine line = new LogLine(LuaRun.current().log);
    if (line.room == 0) {
      // The run has written all the lines it may: this one is only counted.
      line.log.add(level, "", 0);
      return;
    }
    LuaLimiter limiter = LuaRun.current().limiter;
    for (int i = 1; i <= values.narg(); i++) {
      if (i > 1) {
        line.add("\t");
      }
      line.add(values.arg(i));
      if ((i & 1023) == 0) {
        // print(unpack(t)) may pass a million values, each measured here.
        limiter.check();
      }
    }
    line.log.add(level, line.text.toString(), line.more);
  }

  private void add(LuaValue value) {
    if (value.type() != LuaValue.TSTRING) {
      add(value.tojstring());
      return;
    }
    LuaString string = (LuaString) value;
    int length = string.length();
    int cut = Math.min(length, room);
    // Not inside a UTF-8 sequence: a character has at most three continuation bytes, 10xxxxxx.
    for (int back = 0; back < 3 && cut > 0 && cut < length && (string.luaByte(cut) & 0xc0) == 0x80; back++) {
      cut--;
    }
    if (cut > 0) {
      // Each byte decodes to at most one character, so this fits the room.
      String kept = string.substring(0, cut).tojstring();
      text.append(kept);
      room -= kept.length();
    }
    more += length - cut;
  }

  private void add(String piece) {
    int cut = Math.min(piece.length(), room);
    text.append(piece, 0, cut);
    room -= cut;
    more += piece.length() - cut;
  }
}
