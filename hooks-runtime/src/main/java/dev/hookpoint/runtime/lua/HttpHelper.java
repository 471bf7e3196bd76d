package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.executor.RateLimit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code http.get(url [, opts])} and {@code http.post(url, {body=, headers=})} for Lua hooks, returning
 * {@code {status=, body=, headers=}}. Only http and https; no redirects followed; hosts with any address that is
 * not public unicast ({@link InternalAddresses}) refused unless they are in {@code hooks.lua.http.allow_hosts},
 * and the client connects to exactly the addresses that were checked ({@link CheckedDnsResolver}); a per-hook
 * rate limit; a response size cap; and the whole request bounded by the hook's deadline ({@link HttpTransport}).
 */
final class HttpHelper implements AutoCloseable {

  private final HookpointConfig.Http settings;
  private final CheckedDnsResolver resolver;
  private final SSLContext tls;
  private final ConcurrentHashMap<String, RateLimit> budgets = new ConcurrentHashMap<>();
  private HttpTransport transport;
  private boolean closed;

  HttpHelper(HookpointConfig.Http settings) {
    this(settings, HostResolver.SYSTEM, InternalAddresses::reason, null);
  }

  /**
   * For tests: names looked up by {@code resolver}, addresses judged by {@code internal}, and certificates
   * trusted by {@code tls} (null for the JVM's defaults).
   */
  HttpHelper(HookpointConfig.Http settings, HostResolver resolver, Function<InetAddress, Optional<String>> internal,
      SSLContext tls) {
    this.settings = settings;
    Set<String> allowHosts = settings.allowHosts().stream().map(CheckedDnsResolver::bare).collect(Collectors.toSet());
    this.resolver = new CheckedDnsResolver(resolver, allowHosts, internal);
    this.tls = tls;
  }

  /** The per-hook request budget: {@code requests_per_minute}. */
  RateLimit budgetFor(String hookId) {
    return budgets.computeIfAbsent(hookId, id -> new RateLimit(settings.requestsPerMinute()));
  }

  ReadOnlyTable table() {
    return new ReadOnlyTable("http")
        .with("get", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return request("GET", args.checkjstring(1), args.opttable(2, new LuaTable()));
          }
        })
        .with("post", new VarArgFunction() {
          @Override
          public Varargs invoke(Varargs args) {
            return request("POST", args.checkjstring(1), args.opttable(2, new LuaTable()));
          }
        })
        .seal();
  }

  /** Closes the client and its connections; requests still running fail. */
  @Override
  public synchronized void close() {
    closed = true;
    if (transport != null) {
      transport.close();
      transport = null;
    }
  }

  /** The client, made on the first request: most executors never send one. */
  private synchronized HttpTransport transport(String call) {
    if (closed) {
      throw new LuaError(call + ": the Lua executor is closed");
    }
    if (transport == null) {
      transport = new HttpTransport(resolver, tls);
    }
    return transport;
  }

  /** Headers one request may carry, and the bytes of one header: what servers accept, and bounded work here. */
  static final int MAX_HEADERS = 100;
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private LuaValue request(String method, String url, LuaTable options) {
    String call = "http." + method.toLowerCase(Locale.ROOT);
    if (!settings.enabled()) {
      throw new LuaError(call + ": the http helper is switched off (hooks.lua.http.enabled)");
    }
    LuaRun run = LuaRun.current();
    if (!run.httpBudget().tryAcquire()) {
      throw new LuaError(call + ": rate limit of " + settings.requestsPerMinute()
          + " requests per minute reached (hooks.lua.http.requests_per_minute)");
    }
    URI uri = checkedUri(call, url);
    HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
    LuaValue headers = options.get("headers");
    if (headers.istable()) {
      LuaTable table = headers.checktable();
      int count = 0;
      for (Varargs next = table.next(LuaValue.NIL); !next.arg1().isnil(); next = table.next(next.arg1())) {
        if (++count > MAX_HEADERS) {
          throw new LuaError(call + ": more than " + MAX_HEADERS + " headers");
        }
        LuaValue key = next.arg1();
        LuaValue text = next.arg(2);
        if (key.isstring() && text.isstring() && (long) key.rawlen() + text.rawlen() > MAX_HEADER_BYTES) {
          throw new LuaError(call + ": a header is longer than " + MAX_HEADER_BYTES + " bytes");
        }
        String name = key.checkjstring();
        String value = text.checkjstring();
        RequestHeaders.refusal(name, value).ifPresent(why -> {
          throw new LuaError(call + ": header '" + name + "' is not allowed: " + why);
        });
        request.addHeader(name, value);
      }
    }
    LuaValue body = options.get("body");
    if (!body.isnil()) {
      request.setEntity(new ByteArrayEntity(LuaValues.bytes(body.checkstring()), null));
    }
    long remaining = run.limiter.remainingNanos();
    if (remaining <= 0) {
      throw LuaRun.limit("time", "stopped at its time limit");
    }
    long deadline = System.nanoTime() + remaining;
    String host = uri.getHost();
    try {
      return toLua(transport(call).send(request, deadline, settings.maxResponseBytes()));
    } catch (HttpTransport.DeadlineException e) {
      throw LuaRun.limit("time", "stopped at its time limit while waiting for " + host);
    } catch (CheckedDnsResolver.InternalAddressException e) {
      throw new LuaError(call + ": " + e.getMessage());
    } catch (UnknownHostException e) {
      throw new LuaError(call + ": unknown host " + host);
    } catch (IOException e) {
      throw new LuaError(call + ": " + host + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  private static URI checkedUri(String call, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new LuaError(call + ": not a valid URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new LuaError(call + ": only http and https URLs are allowed, got '" + url + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new LuaError(call + ": the URL has no host: " + url);
    }
    return uri;
  }

  private static LuaTable toLua(HttpTransport.Response response) {
    LuaTable headers = new LuaTable();
    response.headers().forEach((name, value) -> headers.rawset(name, LuaValue.valueOf(value)));
    LuaTable result = new LuaTable();
    result.rawset("status", LuaValue.valueOf(response.status()));
    result.rawset("body", LuaString.valueUsing(response.body()));
    result.rawset("headers", headers);
    return result;
  }
}
