package dev.hookpoint.sample.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser tests' proxy trap, spoken to directly on loopback, as Chromium's proxy client would: nothing here
 * names or reaches any host but 127.0.0.1.
 */
class ProxyTrapTest {

  private static String send(ProxyTrap trap, String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), trap.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void aRequestIsRecordedAndRefused() throws Exception {
    try (ProxyTrap trap = ProxyTrap.start()) {
      String answer = send(trap, "CONNECT 127.0.0.1:9 HTTP/1.1\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 403 Forbidden"), answer);
      assertEquals(List.of("CONNECT 127.0.0.1:9 HTTP/1.1"), trap.takeAttempts());
      assertEquals(List.of(), trap.attempts(), "taken");
    }
  }

  @Test
  void aSpareConnectionThatAsksForNothingIsNotCounted() throws Exception {
    try (ProxyTrap trap = ProxyTrap.start(); Socket idle = new Socket(InetAddress.getLoopbackAddress(), trap.port())) {
      // While one connection idles, the next request is still answered at once.
      assertTrue(send(trap, "GET http://127.0.0.1:9/ HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 403"));
      idle.close();
      Thread.sleep(100);
      assertEquals(List.of("GET http://127.0.0.1:9/ HTTP/1.1"), trap.attempts());
    }
  }
}
