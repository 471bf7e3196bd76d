package dev.hookpoint.runtime.process;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;

/**
 * Reads and parses the small {@code /proc} files the sweep looks at each run, as bytes. The sweep runs once per hook
 * run, so it often runs before the JIT has compiled it: there a decoded string, a split or an exception for a
 * process that is gone costs tens of microseconds each.
 */
final class ProcFiles {

  private ProcFiles() {}

  /** The whole file, or {@code null} if it cannot be read (a process that is gone, say). */
  static byte[] read(File file) {
    if (!file.exists()) {
      // Checking first costs one stat; failing to open costs an exception with its stack trace.
      return null;
    }
    try (FileInputStream in = new FileInputStream(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  /** Where {@code text} starts in {@code bytes} at or after {@code from}, or -1. */
  static int indexOf(byte[] bytes, byte[] text, int from) {
    outer:
    for (int i = Math.max(0, from); i + text.length <= bytes.length; i++) {
      for (int j = 0; j < text.length; j++) {
        if (bytes[i + j] != text[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The decimal number starting at {@code from}, or -1 when there is no digit there. */
  static long number(byte[] bytes, int from) {
    long value = 0;
    int i = from;
    for (; i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
      value = value * 10 + (bytes[i] - '0');
    }
    return i == from ? -1 : value;
  }

  /** Where the next byte after {@code from} equal to {@code c} is, or -1. */
  static int next(byte[] bytes, int from, char c) {
    for (int i = Math.max(0, from); i < bytes.length; i++) {
      if (bytes[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
