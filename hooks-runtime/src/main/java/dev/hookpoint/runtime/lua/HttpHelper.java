package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.executor.RateLimit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code http.get(url [, opts])} and {@code http.post(url, {body=, headers=})} for Lua hooks, returning
 * {@code {status=, body=, headers=}}. Only http and https; no redirects followed; loopback, private, link-local
 * and other internal addresses refused unless their host is in {@code hooks.lua.http.allow_hosts}; a per-hook rate
 * limit; a response size cap; and the whole request bounded by the hook's deadline.
 */
final class HttpHelper {

  private final HookpointConfig.Http settings;
  private final Set<String> allowHosts;
  private final HttpClient client;
  private final ConcurrentHashMap<String, RateLimit> budgets = new ConcurrentHashMap<>();

  HttpHelper(HookpointConfig.Http settings) {
    this.settings = settings;
    this.allowHosts = settings.allowHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
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
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    LuaValue headers = options.get("headers");
    if (headers.istable()) {
      LuaTable table = headers.checktable();
      for (Varargs next = table.next(LuaValue.NIL); !next.arg1().isnil(); next = table.next(next.arg1())) {
        try {
          request.header(next.arg1().checkjstring(), next.arg(2).checkjstring());
        } catch (IllegalArgumentException e) {
          throw new LuaError(call + ": header '" + next.arg1().tojstring() + "' is not allowed: " + e.getMessage());
        }
      }
    }
    LuaValue body = options.get("body");
    request.method(method, body.isnil() ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(LuaValues.bytes(body.checkstring())));
    long remaining = run.limiter.remainingNanos();
    if (remaining <= 0) {
      throw LuaRun.limit("time", "stopped at its time limit");
    }
    request.timeout(Duration.ofNanos(remaining));
    CompletableFuture<HttpResponse<byte[]>> response =
        client.sendAsync(request.build(), info -> new CappedBody(settings.maxResponseBytes()));
    try {
      return toLua(response.get(remaining, TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      response.cancel(true);
      throw LuaRun.limit("time", "stopped at its time limit while waiting for " + uri.getHost());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LuaError(call + ": interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof IOException io && io.getCause() != null ? io.getCause() : e.getCause();
      throw new LuaError(call + ": " + uri.getHost() + ": " + cause.getMessage());
    }
  }

  private URI checkedUri(String call, String url) {
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
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new LuaError(call + ": the URL has no host: " + url);
    }
    if (allowHosts.contains(host.toLowerCase(Locale.ROOT))) {
      return uri;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        java.util.Optional<String> internal = InternalAddresses.reason(address);
        if (internal.isPresent()) {
          throw new LuaError(call + ": " + host + " is an internal address (" + address.getHostAddress()
              + "); add it to hooks.lua.http.allow_hosts to allow it (" + internal.get() + ")");
        }
      }
    } catch (UnknownHostException e) {
      throw new LuaError(call + ": unknown host " + host);
    }
    return uri;
  }

  private static LuaTable toLua(HttpResponse<byte[]> response) {
    LuaTable headers = new LuaTable();
    response.headers().map().forEach((name, values) ->
        headers.rawset(name.toLowerCase(Locale.ROOT), LuaValue.valueOf(String.join(", ", values))));
    LuaTable result = new LuaTable();
    result.rawset("status", LuaValue.valueOf(response.statusCode()));
    result.rawset("body", LuaString.valueUsing(response.body()));
    result.rawset("headers", headers);
    return result;
  }

  /** Collects a response body, failing as soon as it passes the cap. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream collected = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(long max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (collected.size() + (long) buffer.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new IOException("response larger than " + max
              + " bytes (hooks.lua.http.max_response_bytes)"));
          return;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        collected.write(bytes, 0, bytes.length);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(collected.toByteArray());
    }
  }
}
