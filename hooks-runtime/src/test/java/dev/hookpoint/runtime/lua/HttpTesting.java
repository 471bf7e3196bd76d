package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.RateLimit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * For the http helper's tests: made-up host names that a {@link NameTable} maps to loopback addresses, loopback
 * servers that record what reached them, and calls of {@code http.get} as a hook makes them. Nothing here looks a
 * name up or leaves 127.0.0.0/8.
 */
final class HttpTesting {

  private HttpTesting() {}

  /** Settings with the helper on, no rate limit, and a 1 MB cap. */
  static HookpointConfig.Http settings(String... allowHosts) {
    return new HookpointConfig.Http(true, List.of(allowHosts), 0, 1_000_000);
  }

  /** Judges 127.0.0.1 internal and every other address public, so that 127.0.0.2 can stand for a public host. */
  static final Function<InetAddress, Optional<String>> ONLY_127_0_0_1_IS_INTERNAL = address ->
      address.getHostAddress().equals("127.0.0.1") ? Optional.of("test: 127.0.0.1 stands for an internal host")
          : Optional.empty();

  /**
   * A resolver for made-up names: each name answers its next list of addresses (the last one repeats); IPv6
   * literals answer themselves.
   */
  static final class NameTable implements HostResolver {
    private final Map<String, List<InetAddress[]>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    /** Adds the addresses {@code name} gives at its next lookup; each is an IP literal. */
    NameTable answer(String name, String... literals) {
      InetAddress[] addresses = new InetAddress[literals.length];
      for (int i = 0; i < literals.length; i++) {
        addresses[i] = literal(literals[i]);
      }
      answers.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(addresses);
      return this;
    }

    int lookups(String name) {
      AtomicInteger count = lookups.get(name);
      return count == null ? 0 : count.get();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      int lookup = lookups.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
      List<InetAddress[]> given = answers.get(host);
      if (given == null && host.contains(":")) {
        return new InetAddress[] {literal(host)};
      }
      if (given == null) {
        throw new UnknownHostException(host + " (not in the test's name table)");
      }
      return given.get(Math.min(lookup, given.size() - 1));
    }
  }

  /** An IP literal; anything else fails rather than be looked up. */
  static InetAddress literal(String text) {
    try {
      return HttpInternalAddressTest.literal(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** One request as a server saw it. */
  record Seen(String method, String path, String host, String cookie, int remotePort) {}

  /** An HTTP server on one loopback address that answers "hello from ADDRESS" and records every request. */
  static final class Server implements AutoCloseable {
    final HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    Server(String loopback, int port) throws IOException {
      server = HttpServer.create(new InetSocketAddress(literal(loopback), port), 0);
      server.createContext("/", exchange -> reply(exchange, 200, "hello from " + loopback));
      server.start();
    }

    Server(String loopback) throws IOException {
      this(loopback, 0);
    }

    Server on(String path, HttpHandler handler) {
      server.createContext(path, exchange -> {
        record(exchange);
        handler.handle(exchange);
      });
      return this;
    }

    int port() {
      return server.getAddress().getPort();
    }

    private void record(HttpExchange exchange) {
      seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestHeaders().getFirst("Cookie"),
          exchange.getRemoteAddress().getPort()));
    }

    private void reply(HttpExchange exchange, int status, String body) throws IOException {
      record(exchange);
      send(exchange, status, body);
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** Calls {@code http.get(url)} inside a run whose deadline is {@code timeoutMs} away; returns its result table. */
  static LuaTable get(HttpHelper http, String url, long timeoutMs) {
    LuaLimiter limiter = new LuaLimiter(10_000_000, System.nanoTime() + timeoutMs * 1_000_000, 50L << 20, 200);
    LuaRun run = new LuaRun("test", null, limiter, new HookLog("test", 10, 200), new RateLimit(0));
    run.enter();
    try {
      return http.table().get("get").call(LuaValue.valueOf(url)).checktable();
    } finally {
      run.exit();
    }
  }

  static LuaTable get(HttpHelper http, String url) {
    return get(http, url, 5_000);
  }

  /** The message of the Lua error that {@code http.get(url)} raises. */
  static String refusal(HttpHelper http, String url) {
    return assertThrows(LuaError.class, () -> get(http, url)).getMessage();
  }
}
