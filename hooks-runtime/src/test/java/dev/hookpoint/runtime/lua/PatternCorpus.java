package dev.hookpoint.runtime.lua;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates calls of {@code string.find}, {@code match}, {@code gmatch} and {@code gsub} for
 * {@link LuaPatternsDifferentialTest}: patterns built from every pattern item (classes, sets, anchors,
 * quantifiers, captures, back-references, {@code %b}, escapes) plus raw strings of pattern characters for the
 * malformed corners, and subjects drawn mostly from the bytes the pattern names so that many calls match.
 *
 * <p>The sandbox gets each pattern as generated; LuaJ gets it with the classes whose tables LuaJ 3.0.1 gets
 * wrong written out as the C-locale sets they stand for ({@link #referenceSpelling}), so the comparison checks
 * the sandbox against Lua 5.2's classes instead of against LuaJ's bugs. The frontier {@code %f} (only its
 * malformed forms) and back-references to position captures are left out: LuaJ's are broken beyond rewriting,
 * and they have their own test. The seed fixes the whole corpus.
 */
final class PatternCorpus {

  /** One call: what to call, with which arguments (Lua source of the replacement for gsub). */
  record Case(String function, byte[] subject, byte[] pattern, byte[] referencePattern, Integer init,
      Boolean plain, String replacement, Integer max) {

    String describe() {
      return function + "(s=\"" + escape(subject) + "\", p=\"" + escape(pattern) + "\""
          + (function.equals("find") || function.equals("match") ? ", init=" + init : "")
          + (function.equals("find") ? ", plain=" + plain : "")
          + (function.equals("gsub") ? ", repl=" + replacement + ", n=" + max : "") + ")"
          + (java.util.Arrays.equals(pattern, referencePattern) ? ""
              : " [LuaJ ran p=\"" + escape(referencePattern) + "\"]");
    }
  }

  /**
   * The C-locale sets for the classes LuaJ 3.0.1 misreads: its table counts Latin-1 letters (bytes 0xAA, 0xB5,
   * 0xC0-0xFF) as letters, leaves {@code [\]^_`{|}~} out of {@code %p} and {@code \v} out of {@code %s}, and it
   * has no {@code %g} at all (it matches a literal {@code g}). Each entry: class letter, set body, complement.
   */
  static final String[][] REFERENCE_CLASSES = {
      {"a", "A-Za-z", "\0-@[-`{-\377"},
      {"l", "a-z", "\0-`{-\377"},
      {"u", "A-Z", "\0-@[-\377"},
      {"w", "0-9A-Za-z", "\0-/:-@[-`{-\377"},
      {"p", "!-/:-@[-`{-~", "\0- 0-9A-Za-z\177-\377"},
      {"s", "\t-\r ", "\0-\b\016-\037!-\377"},
      {"g", "!-~", "\0- \177-\377"},
  };

  private static final String ALL_CLASSES = "acdglpsuwxz";
  private static final String ESCAPABLE = ".%()[]*+-?^$";
  private static final String LITERALS = "abcxyzABZ019 _-,;:=/@!~`{}<>|\\\"'";
  /** Bytes subjects are made of: letters, digits, every punctuation LuaJ misfiles, spaces, controls, high. */
  private static final byte[] SUBJECT_BYTES = bytes(
      "aAbBcxyzZ0159 \t\n\u000b\f\r\0\1\u007f()[]{}<>%.-+*?^$_`~|\\/:@!,;=\"'",
      0x80, 0xAA, 0xB5, 0xC0, 0xD7, 0xE9, 0xF7, 0xFF);
  private static final String RAW_PATTERN_CHARS = "ab1.%%()[]^$*+-?dxzc2";
  private static final String[] BALANCED = {"()", "[]", "{}", "<>", "ab", "xx", "%%", "))"};

  /** A position capture and a back-reference after it: left to {@code LuaPatternsDifferentialTest}'s own test. */
  private static final java.util.regex.Pattern POSITION_BACK_REFERENCE = java.util.regex.Pattern.compile(
      "\\(\\).*%[0-9]");

  private final Random random;

  PatternCorpus(long seed) {
    this.random = new Random(seed);
  }

  List<Case> cases(int count) {
    List<Case> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cases.add(next());
    }
    return cases;
  }

  private Case next() {
    Pattern pattern = random.nextInt(10) == 0 ? rawPattern() : pattern();
    byte[] subject = subject(pattern.sandbox.toByteArray());
    int roll = random.nextInt(100);
    if (roll < 30) {
      Boolean plain = random.nextInt(3) == 0 ? Boolean.valueOf(random.nextBoolean()) : null;
      // A plain find reads no classes: LuaJ gets the very bytes the sandbox gets.
      byte[] reference = Boolean.TRUE.equals(plain) ? pattern.sandbox() : pattern.reference();
      return new Case("find", subject, pattern.sandbox(), reference, init(subject.length), plain, null, null);
    }
    if (roll < 55) {
      return new Case("match", subject, pattern.sandbox(), pattern.reference(), init(subject.length), null, null,
          null);
    }
    if (roll < 70) {
      return new Case("gmatch", subject, pattern.sandbox(), pattern.reference(), null, null, null, null);
    }
    return new Case("gsub", subject, pattern.sandbox(), pattern.reference(), null, null, replacement(), max());
  }

  /** A pattern being built, and what the back-references in it may name. */
  private static final class Pattern {
    final ByteArrayOutputStream sandbox = new ByteArrayOutputStream();
    int captures;
    /** Captures that are positions: LuaJ lets {@code %n} of one move the match backwards, Lua 5.2 fails. */
    final java.util.Set<Integer> positions = new java.util.HashSet<>();

    void add(String text) {
      sandbox.writeBytes(bytes(text));
    }

    byte[] sandbox() {
      return sandbox.toByteArray();
    }

    byte[] reference() {
      return referenceSpelling(sandbox());
    }
  }

  /**
   * The pattern LuaJ is handed: the same bytes, with each class of {@link #REFERENCE_CLASSES} written out as its
   * C-locale set. The pattern is read as Lua 5.2 reads it, so that only real classes are rewritten: not the two
   * bytes after {@code %b}, not a {@code %} that ends a range ({@code [a-%a]} is a range and a letter), nothing in
   * a set that never closes (a {@code ]} right after {@code [} or {@code [^} is a member, so {@code "[]"} opens a
   * set), where LuaJ must stop on the same error.
   */
  static byte[] referenceSpelling(byte[] p) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < p.length) {
      if (p[i] == '%' && i + 1 < p.length) {
        if (p[i + 1] == 'b') {
          int end = Math.min(p.length, i + 4);
          out.write(p, i, end - i);
          i = end;
        } else {
          String[] entry = referenceClass(p[i + 1]);
          out.writeBytes(entry == null ? new byte[] {p[i], p[i + 1]}
              : bytes("[" + (Character.isUpperCase(p[i + 1]) ? entry[2] : entry[1]) + "]"));
          i += 2;
        }
      } else if (p[i] == '[') {
        int close = setClose(p, i);
        if (close < 0) {
          out.write(p, i, p.length - i);
          break;
        }
        int j = i + 1;
        out.write('[');
        if (p[j] == '^') {
          out.write('^');
          j++;
        }
        while (j < close) {
          if (p[j] == '%') {
            String[] entry = referenceClass(p[j + 1]);
            out.writeBytes(entry == null ? new byte[] {p[j], p[j + 1]}
                : bytes(Character.isUpperCase(p[j + 1]) ? entry[2] : entry[1]));
            j += 2;
          } else if (j + 2 < close && p[j + 1] == '-') {
            out.write(p, j, 3);
            j += 3;
          } else {
            out.write(p[j++]);
          }
        }
        out.write(']');
        i = close + 1;
      } else {
        out.write(p[i++]);
      }
    }
    return out.toByteArray();
  }

  /** Where the set opening at {@code open} closes, read as Lua 5.2's {@code classEnd} reads it; -1 if never. */
  private static int setClose(byte[] p, int open) {
    int j = open + 1;
    if (j < p.length && p[j] == '^') {
      j++;
    }
    do {
      if (j >= p.length) {
        return -1;
      }
      if (p[j++] == '%' && j < p.length) {
        j++;
      }
    } while (j >= p.length || p[j] != ']');
    return j;
  }

  private static String[] referenceClass(byte letter) {
    for (String[] entry : REFERENCE_CLASSES) {
      if (entry[0].charAt(0) == Character.toLowerCase((char) letter)) {
        return entry;
      }
    }
    return null;
  }

  private Pattern pattern() {
    Pattern pattern = new Pattern();
    if (random.nextInt(5) == 0) {
      pattern.add("^");
    }
    items(pattern, 1 + random.nextInt(random.nextInt(3) == 0 ? 8 : 3), 0);
    if (random.nextInt(7) == 0) {
      pattern.add("$");
    }
    if (random.nextInt(30) == 0) {
      malformedEnding(pattern);
    }
    return pattern;
  }

  private void items(Pattern pattern, int count, int depth) {
    for (int i = 0; i < count; i++) {
      int roll = random.nextInt(100);
      if (roll < 12 && depth < 3) {
        // Captures are numbered by their opening parenthesis.
        int index = ++pattern.captures;
        if (random.nextInt(6) == 0) {
          pattern.add("()");
          pattern.positions.add(index);
        } else {
          pattern.add("(");
          items(pattern, 1 + random.nextInt(3), depth + 1);
          pattern.add(")");
        }
      } else if (roll < 17) {
        int index = pattern.captures > 0 && random.nextInt(5) > 0 ? 1 + random.nextInt(pattern.captures)
            : 1 + random.nextInt(9);
        // A back-reference to a position capture is left to its own test; a literal stands in for it.
        pattern.add(pattern.positions.contains(index) ? "x" : "%" + index);
      } else if (roll < 21) {
        pattern.add("%b" + BALANCED[random.nextInt(BALANCED.length)]);
      } else if (roll < 24) {
        pattern.add(String.valueOf("^$".charAt(random.nextInt(2))));
      } else {
        singleItem(pattern);
        int quantifier = random.nextInt(9);
        if (quantifier < 4) {
          pattern.add(String.valueOf("*+-?".charAt(quantifier)));
        }
      }
    }
  }

  private void singleItem(Pattern pattern) {
    int roll = random.nextInt(100);
    if (roll < 35) {
      pattern.add(String.valueOf(pick(LITERALS)));
    } else if (roll < 45) {
      pattern.add(".");
    } else if (roll < 55) {
      pattern.add("%" + pick(ESCAPABLE));
    } else if (roll < 80) {
      classItem(pattern);
    } else {
      set(pattern);
    }
  }

  private void classItem(Pattern pattern) {
    char letter = pick(ALL_CLASSES);
    pattern.add("%" + (random.nextBoolean() ? Character.toUpperCase(letter) : letter));
  }

  /** {@code [...]} or {@code [^...]}: literals, ranges, classes, escapes, and a '-' or ']' where they are literal. */
  private void set(Pattern pattern) {
    pattern.add(random.nextInt(3) == 0 ? "[^" : "[");
    if (random.nextInt(8) == 0) {
      pattern.add("]");
    }
    int elements = 1 + random.nextInt(4);
    for (int i = 0; i < elements; i++) {
      int roll = random.nextInt(100);
      if (roll < 30) {
        char c = pick("abcxyzAZ019 _,;:=/@!~`{}<>|\\\"'^");
        pattern.add(String.valueOf(c));
      } else if (roll < 50) {
        char first = pick("a0Ax!(");
        char last = pick("cz9Zy/)a");
        pattern.add(first + "-" + last);
      } else if (roll < 85) {
        classItem(pattern);
      } else {
        pattern.add("%" + pick(".%-]^[z"));
      }
    }
    if (random.nextInt(8) == 0) {
      pattern.add("-");
    }
    pattern.add("]");
  }

  private void malformedEnding(Pattern pattern) {
    String[] endings = {"%", "[", "[a", "[^", "[%", "(", ")", "%b", "%bx", "%f", "%fa", "(()", "%0",
        "((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))"};
    pattern.add(endings[random.nextInt(endings.length)]);
  }

  /** A string of pattern characters, mostly nonsense: the malformed and odd corners. */
  private Pattern rawPattern() {
    Pattern pattern = new Pattern();
    String text;
    do {
      StringBuilder raw = new StringBuilder();
      int length = random.nextInt(9);
      for (int i = 0; i < length; i++) {
        raw.append(pick(RAW_PATTERN_CHARS));
      }
      text = raw.toString();
    } while (POSITION_BACK_REFERENCE.matcher(text).find());
    pattern.add(text);
    return pattern;
  }

  private byte[] subject(byte[] pattern) {
    int length = random.nextInt(5) == 0 ? random.nextInt(30) : random.nextInt(10);
    byte[] subject = new byte[length];
    for (int i = 0; i < length; i++) {
      subject[i] = pattern.length > 0 && random.nextInt(10) < 7 ? pattern[random.nextInt(pattern.length)]
          : SUBJECT_BYTES[random.nextInt(SUBJECT_BYTES.length)];
    }
    return subject;
  }

  private Integer init(int length) {
    int roll = random.nextInt(10);
    if (roll < 4) {
      return null;
    }
    int[] special = {-100, -length - 1, -length, -3, -1, 0, 1, 2, length, length + 1, length + 2, 100};
    return roll < 8 ? special[random.nextInt(special.length)] : random.nextInt(2 * length + 6) - length - 2;
  }

  private Integer max() {
    int[] values = {-1, 0, 1, 2, 3, 100};
    return random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : null;
  }

  /** Lua source of a gsub replacement: a string with %0-%9 and %%, a number, a table or a function. */
  private String replacement() {
    int roll = random.nextInt(100);
    if (roll < 45) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(4);
      for (int i = 0; i < pieces; i++) {
        String[] choices = {"x", "<", ">", "%0", "%1", "%2", "%3", "%9", "%%", "ab", ""};
        text.append(choices[random.nextInt(choices.length)]);
      }
      return "\"" + text + "\"";
    }
    if (roll < 50) {
      return new String[] {"7", "-1.5", "0"}[random.nextInt(3)];
    }
    if (roll < 65) {
      return "T";
    }
    return "F" + (1 + random.nextInt(6));
  }

  private char pick(String choices) {
    return choices.charAt(random.nextInt(choices.length()));
  }

  /** The bytes of text whose chars are all below 256, plus extra bytes. */
  static byte[] bytes(String text, int... extra) {
    byte[] bytes = new byte[text.length() + extra.length];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 255) {
        throw new IllegalArgumentException("not a byte: " + (int) c);
      }
      bytes[i] = (byte) c;
    }
    for (int i = 0; i < extra.length; i++) {
      bytes[text.length() + i] = (byte) extra[i];
    }
    return bytes;
  }

  /** Bytes as Lua source between double quotes: printable ASCII as is, everything else as {@code \ddd}. */
  static String escape(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c >= 32 && c < 127 && c != '"' && c != '\\') {
        out.append((char) c);
      } else {
        out.append(String.format("\\%03d", c));
      }
    }
    return out.toString();
  }
}
