package dev.hookpoint.runtime.executor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hook's log lines reach the run history and SLF4J with their control characters written visibly. */
class HookLogTest {

  private static final String FORGED = "ok\n[main] ERROR dev.hookpoint.Host - FORGED\u001b[2J\r\u0000\u007f"
      + "\u0085\u2028";
  private static final String SHOWN = "ok\\n[main] ERROR dev.hookpoint.Host - FORGED\\u001b[2J\\r\\u0000\\u007f"
      + "\\u0085\\u2028";

  @Test
  void controlCharactersReachNeitherTheHistoryNorSlf4jRaw() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    HookLog log = new HookLog("after_media_added/evil\r.lua", 10, 1000);
    System.setErr(new PrintStream(captured, true, UTF_8));
    try {
      log.warn(FORGED);
    } finally {
      System.setErr(original);
    }
    assertEquals(List.of("WARN " + SHOWN), log.lines());
    String printed = captured.toString(UTF_8);
    assertTrue(printed.contains("[after_media_added/evil\\r.lua] " + SHOWN), printed);
    assertEquals(1, printed.lines().count(), printed);
    assertFalse(printed.chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x7f || c == 0x1b), printed);
  }

  @Test
  void tabAndPrintableTextAreKept() {
    HookLog log = new HookLog("x", 10, 1000);
    log.info("a\tb – ü ✓ 🎬");
    assertEquals(List.of("INFO a\tb – ü ✓ 🎬"), log.lines());
  }

  @Test
  void escapesCountTowardTheLineLengthAndAreNeverSplit() {
    HookLog log = new HookLog("x", 10, 10);
    log.info("12345678\u001b9");
    log.info("123456789🎬");
    assertEquals(List.of("INFO 12345678... (2 more characters)", "INFO 123456789... (2 more characters)"),
        log.lines());
  }

  @Test
  void aLineCutByItsCallerCountsWhatTheCallerLeftOut() {
    HookLog log = new HookLog("x", 10, 10);
    log.add(HookLog.Level.ERROR, "1234567890", 5);
    log.add(HookLog.Level.ERROR, "12\n", 0);
    assertEquals(List.of("ERROR 1234567890... (5 more characters)", "ERROR 12\\n"), log.lines());
  }

  @Test
  void escapeWritesControlCharactersVisiblyForFailureMessages() {
    assertEquals(SHOWN, HookLog.escape(FORGED));
  }
}
