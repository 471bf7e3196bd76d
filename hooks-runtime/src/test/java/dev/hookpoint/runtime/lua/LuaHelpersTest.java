package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The json and http helpers, the latter against a real server on loopback. */
class LuaHelpersTest {

  @TempDir Path dir;
  private HttpServer server;
  private String base;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hello", exchange -> {
      byte[] body = ("{\"method\": \"" + exchange.getRequestMethod() + "\", \"sent\": \""
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).replace("\"", "'")
          + "\", \"token\": \"" + exchange.getRequestHeaders().getFirst("X-Token") + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/big", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(new byte[64 * 1024]);
      }
    });
    server.createContext("/slow", exchange -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private LuaHarness allowingLoopback(String more) {
    return new LuaHarness(dir, "http:\n  allow_hosts: [\"127.0.0.1\"]\n  max_response_bytes: 1000\n" + more);
  }

  private static String message(LuaHarness.Outcome outcome) {
    return outcome.result() instanceof Map<?, ?> map ? String.valueOf(map.get("message"))
        : outcome.category() + ": " + outcome.failure().getMessage();
  }

  @Test
  void getAndPostReturnStatusBodyAndHeaders() {
    LuaHarness.Outcome outcome = allowingLoopback("").run("""
        local got = http.get("%1$s/hello")
        local posted = http.post("%1$s/hello", { body = json.encode({ a = 1 }), headers = { ["X-Token"] = "t" } })
        local reply = json.decode(posted.body)
        return { message = got.status .. " " .. json.decode(got.body).method .. " " .. reply.method .. " "
          .. reply.sent .. " " .. reply.token .. " " .. got.headers["content-type"] }
        """.formatted(base));
    assertEquals("200 GET POST {'a':1} t application/json", message(outcome));
  }

  @Test
  void internalAddressesAreRefusedUnlessAllowed() {
    String refused = message(new LuaHarness(dir).run(
        "return { message = select(2, pcall(http.get, '" + base + "/hello')) }"));
    assertTrue(refused.contains("127.0.0.1 is an internal address (127.0.0.1); add it to hooks.lua.http.allow_hosts"),
        refused);
    // Only loopback forms end to end: were the check ever broken, a test must still send nothing off this machine.
    // Private, link-local and every other range are checked on the pure function in HttpInternalAddressTest.
    for (String url : new String[] {"http://localhost:1/", "http://127.0.0.2:1/", "http://[::1]:1/",
        "http://0.0.0.0:1/", "http://[::ffff:127.0.0.1]:1/"}) {
      String message = message(new LuaHarness(dir).run("return { message = select(2, pcall(http.get, '" + url + "')) }"));
      assertTrue(message.contains("internal address"), url + ": " + message);
    }
  }

  @Test
  void headersAreBoundedInCountAndSizeBeforeAnyIsCopied() {
    String many = message(allowingLoopback("").run("local h = {} for i = 1, 101 do h['x-h' .. i] = 'v' end "
        + "return { message = select(2, pcall(http.get, '" + base + "/hello', { headers = h })) }"));
    assertTrue(many.contains("more than 100 headers"), many);
    String big = message(allowingLoopback("").run("return { message = select(2, pcall(http.get, '" + base
        + "/hello', { headers = { ['x-big'] = string.rep('v', 20000) } })) }"));
    assertTrue(big.contains("a header is longer than 16384 bytes"), big);
  }

  @Test
  void onlyHttpAndHttpsUrls() {
    String message = message(allowingLoopback("").run(
        "return { message = select(2, pcall(http.get, 'file:///etc/passwd')) }"));
    assertTrue(message.contains("only http and https URLs are allowed"), message);
  }

  @Test
  void responsesOverTheCapAreRefused() {
    String message = message(allowingLoopback("").run(
        "return { message = select(2, pcall(http.get, '" + base + "/big')) }"));
    assertTrue(message.contains("response larger than 1000 bytes"), message);
  }

  @Test
  void slowServersAreBoundedByTheHooksDeadline() {
    LuaHarness.Outcome outcome = allowingLoopback("").run("http.get('" + base + "/slow') return {}",
        LuaHarness.event(), 300);
    assertEquals("timeout", outcome.category(), String.valueOf(outcome.failure() == null ? null : outcome.failure().getMessage()));
    assertTrue(outcome.millis() < 2_000, outcome.millis() + " ms");
  }

  @Test
  void requestsAreRateLimitedPerHook() {
    LuaHarness.Outcome outcome = allowingLoopback("  requests_per_minute: 2\n").run("""
        http.get("%1$s/hello") http.get("%1$s/hello")
        return { message = select(2, pcall(http.get, "%1$s/hello")) }
        """.formatted(base));
    assertTrue(message(outcome).contains("rate limit of 2 requests per minute"), message(outcome));
  }

  @Test
  void jsonDecodeRefusesHugeDocumentsBeforeBuildingThem() {
    String message = message(new LuaHarness(dir).run(
        "return { message = select(2, pcall(json.decode, '[' .. string.rep('1,', 200000) .. '1]')) }"));
    assertTrue(message.contains("more than 100000 values"), message);
  }

  @Test
  void jsonEncodeStopsAtItsCapAsItWritesNotAfter() {
    // 3 MB of control bytes escape to 18 MB of JSON; building all of it first would cost more than the run has.
    String message = message(new LuaHarness(dir).run(
        "local s = ('\\1'):rep(1e6) return { message = select(2, pcall(json.encode, {s, s, s})) }"));
    assertTrue(message.contains("the JSON would be longer than 4194304 characters"), message);
  }

  @Test
  void jsonRoundTripKeepsTypes() {
    assertEquals("{\"a\":[1,2.5,\"x\",true],\"b\":{\"c\":false}}", message(new LuaHarness(dir).run(
        "return { message = json.encode(json.decode('{\"a\": [1, 2.5, \"x\", true], \"b\": {\"c\": false}}')) }")));
  }
}
