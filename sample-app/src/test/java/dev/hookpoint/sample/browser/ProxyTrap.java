package dev.hookpoint.sample.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The browser's proxy: a socket on 127.0.0.1 that forwards nothing. Chromium sends every request for a host outside
 * loopback here ({@code --proxy-server}); the trap records its first line ({@code CONNECT host:443 HTTP/1.1} or
 * {@code GET http://host/ HTTP/1.1}), answers 403 and closes. So no request leaves the machine, and a test can
 * see that none was even tried.
 */
public final class ProxyTrap implements AutoCloseable {

  private final ServerSocket socket;
  private final List<String> attempts = new ArrayList<>();

  private ProxyTrap(ServerSocket socket) {
    this.socket = socket;
  }

  static ProxyTrap start() throws IOException {
    ProxyTrap trap = new ProxyTrap(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread accept = new Thread(trap::acceptAll, "browser-proxy-trap");
    accept.setDaemon(true);
    accept.start();
    return trap;
  }

  int port() {
    return socket.getLocalPort();
  }

  /** The request lines caught so far. */
  public synchronized List<String> attempts() {
    return List.copyOf(attempts);
  }

  /** The request lines caught so far, forgotten: for a test that means to send a request off loopback. */
  public synchronized List<String> takeAttempts() {
    List<String> taken = List.copyOf(attempts);
    attempts.clear();
    return taken;
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        // Each on its own thread: a spare connection that asks for nothing must not hold up the next one.
        Thread handler = new Thread(() -> answer(connection), "proxy-trap-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void answer(Socket connection) {
    try (connection) {
      connection.setSoTimeout(2000);
      String line = null;
      try {
        line = new BufferedReader(new InputStreamReader(connection.getInputStream(),
            StandardCharsets.ISO_8859_1)).readLine();
      } catch (java.net.SocketTimeoutException idle) {
        // Chromium opens spare connections to its proxy ahead of need; one that asks for nothing names no host.
      }
      if (line == null) {
        return;
      }
      synchronized (this) {
        attempts.add(line);
      }
      OutputStream out = connection.getOutputStream();
      out.write(("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 33\r\nConnection: close"
          + "\r\n\r\nno network outside loopback here\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    } catch (IOException e) {
      // a client that went away: nothing to record beyond what was read
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing listens any more either way
    }
  }
}
