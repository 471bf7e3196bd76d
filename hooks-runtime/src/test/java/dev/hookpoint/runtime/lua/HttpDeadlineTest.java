package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole request ends at the hook's deadline wherever it is: in the TLS handshake, in headers or a body that a
 * server trickles out a byte at a time (each byte well within any per-read timeout). Servers on 127.0.0.1 that send
 * one byte per 100 ms, at most 100 of them; hooks with a 500 ms time limit.
 */
class HttpDeadlineTest {

  private static final long TIMEOUT_MS = 500;
  /** Well under the 10 s a trickling server would take, well over the 500 ms limit on a busy machine. */
  private static final long BOUND_MS = 2_500;

  @TempDir Path dir;
  private ServerSocket raw;
  private LuaHarness harness;

  @AfterEach
  void stop() throws IOException {
    if (raw != null) {
      raw.close();
    }
    if (harness != null) {
      harness.executor.close();
    }
  }

  private LuaHarness harness() {
    harness = new LuaHarness(dir, "http:\n  allow_hosts: [\"127.0.0.1\"]\n");
    return harness;
  }

  /**
   * A raw server on 127.0.0.1 that writes {@code prefix} to each connection and then, if {@code trickle}, one byte
   * per 100 ms; otherwise it holds the connection silently for 10 s.
   */
  private int serving(String prefix, boolean trickle) throws IOException {
    raw = new ServerSocket();
    raw.bind(new InetSocketAddress(HttpTesting.literal("127.0.0.1"), 0));
    Thread serving = new Thread(() -> {
      while (!raw.isClosed()) {
        try (Socket socket = raw.accept(); OutputStream out = socket.getOutputStream()) {
          out.write(prefix.getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < 100; i++) {
            if (trickle) {
              out.write('a');
              out.flush();
            }
            TimeUnit.MILLISECONDS.sleep(100);
          }
        } catch (IOException e) {
          // The client went away, or the test ended.
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "trickling-server");
    serving.setDaemon(true);
    serving.start();
    return raw.getLocalPort();
  }

  private void assertCutAtTheDeadline(LuaHarness.Outcome outcome) {
    assertEquals("timeout", outcome.category(), String.valueOf(outcome.failure()));
    assertTrue(outcome.millis() < BOUND_MS, outcome.millis() + " ms");
  }

  @Test
  void aBodyTrickledOneBytePer100msIsCutAtTheDeadline() throws IOException {
    int port = serving("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", true);

    assertCutAtTheDeadline(harness().run("http.get('http://127.0.0.1:" + port + "/') return {}",
        LuaHarness.event(), TIMEOUT_MS));
  }

  @Test
  void headersTrickledOneBytePer100msAreCutAtTheDeadline() throws IOException {
    int port = serving("HTTP/1.1 200 OK\r\nX-Slow: ", true);

    assertCutAtTheDeadline(harness().run("http.get('http://127.0.0.1:" + port + "/') return {}",
        LuaHarness.event(), TIMEOUT_MS));
  }

  @Test
  void aTlsHandshakeThatNeverFinishesIsCutAtTheDeadline() throws IOException {
    int port = serving("", false);

    assertCutAtTheDeadline(harness().run("http.get('https://127.0.0.1:" + port + "/') return {}",
        LuaHarness.event(), TIMEOUT_MS));
  }

  @Test
  void closingTheExecutorEndsRequestsStillRunning() throws Exception {
    int port = serving("HTTP/1.1 200 OK\r\nX-Slow: ", true);
    LuaHarness harness = harness();
    CompletableFuture<LuaHarness.Outcome> running = new CompletableFuture<>();
    Thread hook = new Thread(() -> running.complete(
        harness.run("http.get('http://127.0.0.1:" + port + "/') return {}", LuaHarness.event(), 20_000)));
    hook.start();
    TimeUnit.MILLISECONDS.sleep(300);

    harness.executor.close();

    LuaHarness.Outcome outcome = running.get(5, TimeUnit.SECONDS);
    assertEquals("execution_error", outcome.category());
    assertTrue(outcome.millis() < 5_000, outcome.millis() + " ms");
    String after = String.valueOf(harness.run("return { message = select(2, pcall(http.get, 'http://127.0.0.1:"
        + port + "/')) }").result());
    assertTrue(after.contains("http.get: the Lua executor is closed"), after);
  }
}
