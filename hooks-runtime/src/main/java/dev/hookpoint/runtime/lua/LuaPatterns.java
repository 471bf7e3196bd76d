package dev.hookpoint.runtime.lua;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2 patterns ({@code string.find}, {@code match}, {@code gmatch}, {@code gsub}) written for a sandbox: the
 * matcher counts its steps and polls the run's {@link Checkpoint}, so a pattern with catastrophic backtracking is
 * stopped at the deadline instead of holding the thread forever, and {@code gsub} refuses to build a result larger
 * than its cap. Semantics follow the Lua 5.2 reference manual, section 6.4.1, and its error messages are LuaJ's
 * own (hooks saw those before this matcher existed); {@code LuaPatternsDifferentialTest} holds it to LuaJ and
 * lists where LuaJ 3.0.1 departs from Lua 5.2 and this matcher does not follow it.
 */
final class LuaPatterns {

  private static final int MAX_CAPTURES = 32;
  private static final int MAX_DEPTH = 200;
  private static final int CAP_UNFINISHED = -1;
  private static final int CAP_POSITION = -2;
  private static final int CHECK_EVERY = 1 << 12;
  private static final String SPECIALS = "^$*+?.([%-";

  private final Checkpoint checkpoint;
  private final long maxResultBytes;

  LuaPatterns(Checkpoint checkpoint, long maxResultBytes) {
    this.checkpoint = checkpoint;
    this.maxResultBytes = maxResultBytes;
  }

  /** {@code string.find(s, pattern [, init [, plain]])}. */
  Varargs find(LuaString s, LuaString pattern, int init, boolean plain) {
    return findOrMatch(s, pattern, init, plain, true);
  }

  /** {@code string.match(s, pattern [, init])}. */
  Varargs match(LuaString s, LuaString pattern, int init) {
    return findOrMatch(s, pattern, init, false, false);
  }

  private Varargs findOrMatch(LuaString s, LuaString pattern, int init, boolean plain, boolean find) {
    int length = s.length();
    int start = startIndex(init, length);
    if (start > length) {
      return LuaValue.NIL;
    }
    if (find && (plain || !hasSpecials(pattern))) {
      int at = indexOf(s, pattern, start);
      return at < 0 ? LuaValue.NIL
          : LuaValue.varargsOf(LuaValue.valueOf(at + 1), LuaValue.valueOf(at + pattern.length()));
    }
    State state = new State(s, pattern);
    boolean anchor = pattern.length() > 0 && pattern.luaByte(0) == '^';
    int p = anchor ? 1 : 0;
    int position = start;
    do {
      state.reset();
      int end = state.match(position, p);
      if (end >= 0) {
        if (find) {
          return LuaValue.varargsOf(LuaValue.valueOf(position + 1), LuaValue.valueOf(end),
              state.captures(position, end, false));
        }
        return state.captures(position, end, true);
      }
      position++;
    } while (position <= length && !anchor);
    return LuaValue.NIL;
  }

  /** {@code string.gmatch(s, pattern)}: the iterator function. */
  LuaValue gmatch(LuaString s, LuaString pattern) {
    return new org.luaj.vm2.lib.VarArgFunction() {
      private int position;

      @Override
      public Varargs invoke(Varargs args) {
        State state = new State(s, pattern);
        for (int at = position; at <= s.length(); at++) {
          state.reset();
          int end = state.match(at, 0);
          if (end >= 0) {
            position = end == at ? end + 1 : end;
            return state.captures(at, end, true);
          }
        }
        position = s.length() + 1;
        return LuaValue.NIL;
      }
    };
  }

  /** {@code string.gsub(s, pattern, repl [, n])}. */
  Varargs gsub(LuaString s, LuaString pattern, LuaValue replacement, int maxReplacements) {
    int type = replacement.type();
    if (type != LuaValue.TSTRING && type != LuaValue.TNUMBER && type != LuaValue.TTABLE
        && type != LuaValue.TFUNCTION) {
      throw new LuaError("bad argument #3 to 'gsub' (string/function/table expected, got "
          + replacement.typename() + ")");
    }
    boolean anchor = pattern.length() > 0 && pattern.luaByte(0) == '^';
    int p = anchor ? 1 : 0;
    State state = new State(s, pattern);
    Output out = new Output();
    int position = 0;
    int count = 0;
    while (count < maxReplacements) {
      state.reset();
      int end = state.match(position, p);
      if (end >= 0) {
        count++;
        addValue(state, out, position, end, replacement);
      }
      if (end >= 0 && end > position) {
        position = end;
      } else if (position < s.length()) {
        out.write(s.luaByte(position++));
      } else {
        break;
      }
      if (anchor) {
        break;
      }
    }
    out.write(s, position, s.length() - position);
    return LuaValue.varargsOf(out.toLuaString(), LuaValue.valueOf(count));
  }

  private void addValue(State state, Output out, int start, int end, LuaValue replacement) {
    LuaValue value;
    switch (replacement.type()) {
      case LuaValue.TSTRING, LuaValue.TNUMBER -> {
        addString(state, out, start, end, replacement.checkstring());
        return;
      }
      case LuaValue.TTABLE -> value = replacement.get(state.capture(0, start, end));
      default -> value = replacement.invoke(state.captures(start, end, true)).arg1();
    }
    if (!value.toboolean()) {
      out.write(state.source, start, end - start);
    } else if (value.type() == LuaValue.TSTRING || value.type() == LuaValue.TNUMBER) {
      LuaString text = value.checkstring();
      out.write(text, 0, text.length());
    } else {
      throw new LuaError("invalid replacement value (a " + value.typename() + ")");
    }
  }

  private void addString(State state, Output out, int start, int end, LuaString replacement) {
    if (replacement.indexOf((byte) '%', 0) < 0) {
      out.write(replacement, 0, replacement.length());
      return;
    }
    for (int i = 0; i < replacement.length(); i++) {
      int c = replacement.luaByte(i);
      if (c != '%') {
        out.write(c);
        continue;
      }
      i++;
      int next = i < replacement.length() ? replacement.luaByte(i) : -1;
      if (next == '%') {
        out.write('%');
      } else if (Character.isDigit(next)) {
        LuaString capture = next == '0'
            ? state.source.substring(start, end)
            : state.capture(next - '1', start, end).checkstring();
        out.write(capture, 0, capture.length());
      } else {
        throw new LuaError("invalid use of '%' in replacement string");
      }
    }
  }

  private static int startIndex(int init, int length) {
    int start = init > 0 ? init : init == 0 ? 1 : Math.max(1, length + init + 1);
    return start - 1;
  }

  private static boolean hasSpecials(LuaString pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if (SPECIALS.indexOf(pattern.luaByte(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private int indexOf(LuaString s, LuaString pattern, int from) {
    int last = s.length() - pattern.length();
    outer:
    for (int i = from; i <= last; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0) {
        checkpoint.check();
      }
      for (int j = 0; j < pattern.length(); j++) {
        if (s.luaByte(i + j) != pattern.luaByte(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A growing result that refuses to pass its cap. */
  private final class Output extends ByteArrayOutputStream {
    void write(LuaString text, int offset, int length) {
      ensure(length);
      super.write(text.m_bytes, text.m_offset + offset, length);
    }

    @Override
    public synchronized void write(int b) {
      ensure(1);
      super.write(b);
    }

    private void ensure(int more) {
      if ((long) count + more > maxResultBytes) {
        throw LuaRun.limit("memory", "string.gsub would build a string longer than " + maxResultBytes
            + " bytes (hooks.lua.max_memory_bytes)");
      }
      if (((count + more) & ~(CHECK_EVERY - 1)) != (count & ~(CHECK_EVERY - 1))) {
        checkpoint.check();
      }
    }

    LuaString toLuaString() {
      return LuaString.valueUsing(toByteArray());
    }
  }

  /** One matching attempt: the subject, the pattern and the captures. */
  private final class State {
    private final LuaString source;
    private final LuaString pattern;
    private final int[] captureStart = new int[MAX_CAPTURES];
    private final int[] captureLength = new int[MAX_CAPTURES];
    private int level;
    private int depth;
    private long steps;

    State(LuaString source, LuaString pattern) {
      this.source = source;
      this.pattern = pattern;
    }

    void reset() {
      level = 0;
      depth = 0;
    }

    private void step() {
      if ((++steps & (CHECK_EVERY - 1)) == 0) {
        checkpoint.check();
      }
    }

    /** The end of a match of pattern[p..] at source[s..], or -1. */
    int match(int s, int p) {
      if (++depth > MAX_DEPTH) {
        throw new LuaError("pattern too complex");
      }
      try {
        while (true) {
          step();
          if (p == pattern.length()) {
            return s;
          }
          int c = pattern.luaByte(p);
          if (c == '(') {
            return p + 1 < pattern.length() && pattern.luaByte(p + 1) == ')'
                ? startCapture(s, p + 2, CAP_POSITION) : startCapture(s, p + 1, CAP_UNFINISHED);
          }
          if (c == ')') {
            return endCapture(s, p + 1);
          }
          if (c == '$' && p + 1 == pattern.length()) {
            return s == source.length() ? s : -1;
          }
          if (c == '%' && p + 1 < pattern.length()) {
            int next = pattern.luaByte(p + 1);
            if (next == 'b') {
              s = matchBalance(s, p + 2);
              if (s < 0) {
                return -1;
              }
              p += 4;
              continue;
            }
            if (next == 'f') {
              p += 2;
              if (p >= pattern.length() || pattern.luaByte(p) != '[') {
                throw new LuaError("Missing [ after %f in pattern");
              }
              int classEnd = classEnd(p);
              int previous = s == 0 ? 0 : source.luaByte(s - 1);
              int current = s < source.length() ? source.luaByte(s) : 0;
              if (!matchBracketClass(previous, p, classEnd - 1) && matchBracketClass(current, p, classEnd - 1)) {
                p = classEnd;
                continue;
              }
              return -1;
            }
            if (Character.isDigit(next)) {
              s = matchCapture(s, next);
              if (s < 0) {
                return -1;
              }
              p += 2;
              continue;
            }
          }
          int classEnd = classEnd(p);
          int suffix = classEnd < pattern.length() ? pattern.luaByte(classEnd) : -1;
          if (!singleMatch(s, p, classEnd)) {
            if (suffix == '*' || suffix == '?' || suffix == '-') {
              p = classEnd + 1;
              continue;
            }
            return -1;
          }
          switch (suffix) {
            case '?' -> {
              int end = match(s + 1, classEnd + 1);
              if (end >= 0) {
                return end;
              }
              p = classEnd + 1;
            }
            case '+' -> {
              return maxExpand(s + 1, p, classEnd);
            }
            case '*' -> {
              return maxExpand(s, p, classEnd);
            }
            case '-' -> {
              return minExpand(s, p, classEnd);
            }
            default -> {
              s++;
              p = classEnd;
            }
          }
        }
      } finally {
        depth--;
      }
    }

    private int maxExpand(int s, int p, int classEnd) {
      int count = 0;
      while (singleMatch(s + count, p, classEnd)) {
        count++;
        step();
      }
      while (count >= 0) {
        int end = match(s + count, classEnd + 1);
        if (end >= 0) {
          return end;
        }
        count--;
      }
      return -1;
    }

    private int minExpand(int s, int p, int classEnd) {
      while (true) {
        int end = match(s, classEnd + 1);
        if (end >= 0) {
          return end;
        }
        if (!singleMatch(s, p, classEnd)) {
          return -1;
        }
        s++;
      }
    }

    private int startCapture(int s, int p, int what) {
      if (level >= MAX_CAPTURES) {
        throw new LuaError("too many captures");
      }
      captureStart[level] = s;
      captureLength[level] = what;
      level++;
      int end = match(s, p);
      if (end < 0) {
        level--;
      }
      return end;
    }

    private int endCapture(int s, int p) {
      int open = -1;
      for (int i = level - 1; i >= 0; i--) {
        if (captureLength[i] == CAP_UNFINISHED) {
          open = i;
          break;
        }
      }
      if (open < 0) {
        throw new LuaError("invalid pattern capture");
      }
      captureLength[open] = s - captureStart[open];
      int end = match(s, p);
      if (end < 0) {
        captureLength[open] = CAP_UNFINISHED;
      }
      return end;
    }

    private int matchBalance(int s, int p) {
      if (p + 1 >= pattern.length()) {
        throw new LuaError("unbalanced pattern");
      }
      if (s >= source.length() || source.luaByte(s) != pattern.luaByte(p)) {
        return -1;
      }
      int open = pattern.luaByte(p);
      int close = pattern.luaByte(p + 1);
      int nesting = 1;
      while (++s < source.length()) {
        step();
        int c = source.luaByte(s);
        if (c == close) {
          if (--nesting == 0) {
            return s + 1;
          }
        } else if (c == open) {
          nesting++;
        }
      }
      return -1;
    }

    private int matchCapture(int s, int digit) {
      int index = digit - '1';
      if (index < 0 || index >= level || captureLength[index] == CAP_UNFINISHED) {
        throw new LuaError("invalid capture index");
      }
      int length = captureLength[index];
      // A position capture has no text: Lua 5.2 compares its length as unsigned, so a back-reference to one
      // never matches (LuaJ would move the match backwards).
      if (length >= 0 && source.length() - s >= length) {
        for (int i = 0; i < length; i++) {
          if (source.luaByte(captureStart[index] + i) != source.luaByte(s + i)) {
            return -1;
          }
        }
        return s + length;
      }
      return -1;
    }

    private int classEnd(int p) {
      int c = pattern.luaByte(p++);
      if (c == '%') {
        if (p >= pattern.length()) {
          throw new LuaError("malformed pattern (ends with '%')");
        }
        return p + 1;
      }
      if (c == '[') {
        if (p < pattern.length() && pattern.luaByte(p) == '^') {
          p++;
        }
        do {
          // A class may be as long as the pattern, and is scanned at every position tried.
          step();
          if (p >= pattern.length()) {
            throw new LuaError("malformed pattern (missing ])");
          }
          c = pattern.luaByte(p++);
          if (c == '%' && p < pattern.length()) {
            p++;
          }
        } while (p >= pattern.length() || pattern.luaByte(p) != ']');
        return p + 1;
      }
      return p;
    }

    private boolean singleMatch(int s, int p, int classEnd) {
      if (s >= source.length()) {
        return false;
      }
      int c = source.luaByte(s);
      int pc = pattern.luaByte(p);
      return switch (pc) {
        case '.' -> true;
        case '%' -> matchClass(c, pattern.luaByte(p + 1));
        case '[' -> matchBracketClass(c, p, classEnd - 1);
        default -> pc == c;
      };
    }

    private boolean matchBracketClass(int c, int p, int close) {
      boolean matches = true;
      if (pattern.luaByte(p + 1) == '^') {
        matches = false;
        p++;
      }
      while (++p < close) {
        step();
        int pc = pattern.luaByte(p);
        if (pc == '%') {
          p++;
          if (matchClass(c, pattern.luaByte(p))) {
            return matches;
          }
        } else if (p + 2 < close && pattern.luaByte(p + 1) == '-') {
          p += 2;
          if (pc <= c && c <= pattern.luaByte(p)) {
            return matches;
          }
        } else if (pc == c) {
          return matches;
        }
      }
      return !matches;
    }

    /** The value of capture {@code index}, or the whole match when there are no captures. */
    LuaValue capture(int index, int start, int end) {
      if (index >= level) {
        if (index == 0) {
          return source.substring(start, end);
        }
        throw new LuaError("invalid capture index");
      }
      int length = captureLength[index];
      if (length == CAP_UNFINISHED) {
        throw new LuaError("unfinished capture");
      }
      if (length == CAP_POSITION) {
        return LuaValue.valueOf(captureStart[index] + 1);
      }
      return source.substring(captureStart[index], captureStart[index] + length);
    }

    Varargs captures(int start, int end, boolean wholeIfNone) {
      int count = level == 0 && wholeIfNone ? 1 : level;
      LuaValue[] values = new LuaValue[count];
      for (int i = 0; i < count; i++) {
        values[i] = capture(i, start, end);
      }
      return LuaValue.varargsOf(values);
    }
  }

  /** Lua's character classes, on bytes as C's ctype sees them in the C locale. */
  static boolean matchClass(int c, int cl) {
    boolean result = switch (Character.toLowerCase(cl)) {
      case 'a' -> isAlpha(c);
      case 'c' -> c < 32 || c == 127;
      case 'd' -> c >= '0' && c <= '9';
      case 'g' -> c > 32 && c < 127;
      case 'l' -> c >= 'a' && c <= 'z';
      case 'p' -> isPunct(c);
      case 's' -> c == ' ' || (c >= '\t' && c <= '\r');
      case 'u' -> c >= 'A' && c <= 'Z';
      case 'w' -> isAlpha(c) || (c >= '0' && c <= '9');
      case 'x' -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      case 'z' -> c == 0;
      default -> {
        yield cl == c;
      }
    };
    boolean isClass = "acdglpsuwxz".indexOf(Character.toLowerCase(cl)) >= 0;
    return isClass && Character.isUpperCase(cl) ? !result : result;
  }

  private static boolean isAlpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isPunct(int c) {
    return c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
  }

}
