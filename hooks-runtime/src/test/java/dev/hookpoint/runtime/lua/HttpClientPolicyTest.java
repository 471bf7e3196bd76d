package dev.hookpoint.runtime.lua;

import static dev.hookpoint.runtime.lua.HttpTesting.ONLY_127_0_0_1_IS_INTERNAL;
import static dev.hookpoint.runtime.lua.HttpTesting.get;
import static dev.hookpoint.runtime.lua.HttpTesting.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.lua.HttpTesting.NameTable;
import dev.hookpoint.runtime.lua.HttpTesting.Server;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the http client does not do for a hook: read past the cap, follow redirects, keep cookies, use proxies. */
class HttpClientPolicyTest {

  @TempDir Path dir;
  private Server server;
  private String base;
  private LuaHarness harness;
  private final AtomicLong streamed = new AtomicLong();
  private final CountDownLatch streamEnded = new CountDownLatch(1);

  @BeforeEach
  void serve() throws IOException {
    server = new Server("127.0.0.1")
        .on("/endless", exchange -> {
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = new byte[64 * 1024];
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 800; i++) {
              out.write(chunk);
              streamed.addAndGet(chunk.length);
            }
          } catch (IOException e) {
            // The client hung up: what the test wants.
          } finally {
            streamEnded.countDown();
          }
        })
        .on("/redirect", exchange -> {
          exchange.getResponseHeaders().add("Location", base + "/landing");
          Server.send(exchange, 302, "");
        })
        .on("/landing", exchange -> Server.send(exchange, 200, "landed"))
        .on("/set-cookie", exchange -> {
          exchange.getResponseHeaders().add("Set-Cookie", "session=secret; Path=/");
          Server.send(exchange, 200, "");
        })
        .on("/echo-cookie", exchange -> Server.send(exchange, 200,
            String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"))));
    base = "http://127.0.0.1:" + server.port();
    harness = new LuaHarness(dir, "http:\n  allow_hosts: [\"127.0.0.1\"]\n  max_response_bytes: 1000\n");
  }

  @AfterEach
  void stop() {
    harness.executor.close();
    server.close();
  }

  private String message(String lua) {
    LuaHarness.Outcome outcome = harness.run(lua.replace("BASE", base));
    return outcome.result() instanceof Map<?, ?> map ? String.valueOf(map.get("message"))
        : outcome.category() + ": " + outcome.failure().getMessage();
  }

  /** Closing a response stream normally reads the rest of it; past the cap the connection is dropped instead. */
  @Test
  void pastTheCapTheRestOfTheBodyIsNotRead() throws InterruptedException {
    String message = message("return { message = select(2, pcall(http.get, 'BASE/endless')) }");

    assertTrue(message.contains("response larger than 1000 bytes (hooks.lua.http.max_response_bytes)"), message);
    assertTrue(streamEnded.await(5, TimeUnit.SECONDS));
    assertTrue(streamed.get() < 25L * 1024 * 1024, "the client read on: " + streamed.get() + " bytes were sent");
  }

  @Test
  void redirectsAreReturnedNotFollowed() {
    assertEquals("302 BASE/landing".replace("BASE", base),
        message("local r = http.get('BASE/redirect') return { message = r.status .. ' ' .. r.headers.location }"));
    assertEquals(List.of("/redirect"), server.seen.stream().map(HttpTesting.Seen::path).toList());
  }

  @Test
  void cookiesAreNotKeptBetweenRequests() {
    assertEquals("null", message("http.get('BASE/set-cookie') return { message = http.get('BASE/echo-cookie').body }"));
    assertEquals("null", message("return { message = http.get('BASE/echo-cookie').body }"));
  }

  @Test
  void headersThatFrameOrRouteTheRequestAreRefused() {
    for (String header : new String[] {"Host", "Content-Length", "Transfer-Encoding", "Connection", "Upgrade"}) {
      String message = message("return { message = select(2, pcall(http.post, 'BASE/landing', "
          + "{ body = 'x', headers = { ['" + header + "'] = '1' } })) }");
      assertTrue(message.contains("http.post: header '" + header + "' is not allowed: the client sets it"), message);
    }
    String injected = message("return { message = select(2, pcall(http.get, 'BASE/landing', "
        + "{ headers = { ['X-A'] = 'a\\r\\nX-Injected: 1' } })) }");
    assertTrue(injected.contains("header 'X-A' is not allowed: its value has a line break"), injected);
    String badName = message("return { message = select(2, pcall(http.get, 'BASE/landing', "
        + "{ headers = { ['X A:'] = 'a' } })) }");
    assertTrue(badName.contains("header 'X A:' is not allowed: not a valid header name"), badName);
    assertEquals(List.of(), server.seen);
  }

  /**
   * The JVM's proxies (what -Dhttp.proxyHost and -DsocksProxyHost configure) are not asked and not used: not by the
   * client's route planner, and not by the JDK's own sockets, which ask for a SOCKS proxy when made without one.
   */
  @Test
  void theJvmsProxySettingsAreIgnored() throws IOException {
    Server target = new Server("127.0.0.2");
    Server proxy = new Server("127.0.0.1");
    AtomicInteger asked = new AtomicInteger();
    ProxySelector before = ProxySelector.getDefault();
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        asked.incrementAndGet();
        Proxy.Type type = uri.getScheme().equals("socket") ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
        return List.of(new Proxy(type, new InetSocketAddress(HttpTesting.literal("127.0.0.1"), proxy.port())));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    });
    NameTable names = new NameTable().answer("direct.test", "127.0.0.2");
    try (HttpHelper http = new HttpHelper(settings(), names, ONLY_127_0_0_1_IS_INTERNAL, null)) {
      assertEquals("hello from 127.0.0.2",
          get(http, "http://direct.test:" + target.port() + "/").get("body").tojstring());
    } finally {
      ProxySelector.setDefault(before);
      target.close();
      proxy.close();
    }
    assertEquals(0, asked.get());
    assertEquals(List.of(), proxy.seen);
    assertEquals(1, target.seen.size());
  }
}
