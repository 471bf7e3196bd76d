package dev.hookpoint.runtime.lua;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends the http helper's requests with Apache HttpClient 5, whose only way from a name to an address is the
 * {@link CheckedDnsResolver}; TLS SNI, certificate checks and the Host header use the name. No proxies (neither
 * the route planner nor the sockets ask the JVM's proxy selector), no redirects, no retries, no cookies, no
 * authentication cache, no decompression. Each request is cut at its deadline wherever it is (waiting for a
 * pooled connection, connecting, the TLS handshake, the headers, a body that trickles in), and a body is read
 * only up to its cap.
 *
 * <p>Connections are pooled by route: scheme, host name and port, for at most a minute. A connection is only
 * reused for the name it was opened for, so it goes to an address that was checked for that name; a connection
 * to a host in {@code allow_hosts} is never handed to another host. A request cut short closes its connection.
 */
final class HttpTransport implements AutoCloseable {

  /** What a request gave. Header names are lower case; repeated headers are joined with ", ". */
  record Response(int status, Map<String, String> headers, byte[] body) {}

  /** The request did not finish before its deadline. */
  static final class DeadlineException extends IOException {
    private static final long serialVersionUID = 1L;

    DeadlineException(Throwable cause) {
      super("the deadline passed", cause);
    }
  }

  /** The response body is larger than the cap. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long max) {
      super("response larger than " + max + " bytes (hooks.lua.http.max_response_bytes)");
    }
  }

  private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);

  private final CloseableHttpClient client;
  private final ScheduledThreadPoolExecutor deadlines;

  /** @param tls the trusted certificates, or null for the JVM's defaults */
  HttpTransport(DnsResolver resolver, SSLContext tls) {
    this.client = HttpClients.custom()
        .setConnectionManager(connections(resolver, tls))
        .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .disableConnectionState()
        .build();
    this.deadlines = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "hookpoint-lua-http-deadline");
      thread.setDaemon(true);
      return thread;
    });
    deadlines.setRemoveOnCancelPolicy(true);
    deadlines.setKeepAliveTime(30, TimeUnit.SECONDS);
    deadlines.allowCoreThreadTimeOut(true);
  }

  /**
   * The pool, keyed by route (scheme, host name, port). Its connection operator asks {@code resolver} for the
   * addresses and connects to those; its sockets are made with {@link Proxy#NO_PROXY}, because a plain
   * {@code new Socket()} asks the JVM's proxy selector for a SOCKS proxy ({@code -DsocksProxyHost}). The builder
   * has no setter for the socket factory, hence the operator's own constructor (marked internal in httpclient5,
   * whose version the parent pom pins).
   */
  private static PoolingHttpClientConnectionManager connections(DnsResolver resolver, SSLContext tls) {
    TlsSocketStrategy tlsStrategy = tls == null ? DefaultClientTlsStrategy.createSystemDefault()
        : new DefaultClientTlsStrategy(tls);
    PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
        new DefaultHttpClientConnectionOperator(proxy -> new Socket(Proxy.NO_PROXY), DefaultSchemePortResolver.INSTANCE,
            resolver, RegistryBuilder.<TlsSocketStrategy>create().register("https", tlsStrategy).build()),
        PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.ofMinutes(1), null);
    connections.setDefaultConnectionConfig(ConnectionConfig.custom()
        .setConnectTimeout(CONNECT_TIMEOUT)
        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
        .build());
    return connections;
  }

  /**
   * Sends the request and reads the whole response.
   *
   * @throws DeadlineException when {@code deadlineNanos} passes first
   * @throws TooLargeException when the body passes {@code maxBytes}; no more of it is read
   * @throws CheckedDnsResolver.InternalAddressException when the host is internal
   */
  Response send(HttpUriRequestBase request, long deadlineNanos, long maxBytes) throws IOException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new DeadlineException(null);
    }
    Timeout timeout = Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
    request.setConfig(RequestConfig.custom()
        .setConnectionRequestTimeout(timeout)
        .setResponseTimeout(timeout)
        .setRedirectsEnabled(false)
        .setProtocolUpgradeEnabled(false)
        .build());
    AtomicBoolean cut = new AtomicBoolean();
    ScheduledFuture<?> cutter;
    try {
      cutter = deadlines.schedule(() -> {
        cut.set(true);
        request.cancel();
      }, remaining, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new IOException("the client is closed", e);
    }
    try {
      CloseableHttpResponse response = CloseableHttpResponse.adapt(
          client.executeOpen(null, request, HttpClientContext.create()));
      boolean read = false;
      try {
        Response result = new Response(response.getCode(), headers(response.getHeaders()),
            body(response.getEntity(), maxBytes, deadlineNanos));
        read = true;
        return result;
      } finally {
        if (read) {
          closeQuietly(response);
        } else {
          response.close(CloseMode.IMMEDIATE);
        }
      }
    } catch (TooLargeException | DeadlineException | CheckedDnsResolver.InternalAddressException e) {
      throw e;
    } catch (IOException | IllegalStateException e) {
      // A cut at the deadline aborts the exchange wherever it is; the client may then report it as either
      // (IllegalStateException: "Endpoint not acquired / already released" when it lands while the response closes).
      if (cut.get() || System.nanoTime() - deadlineNanos >= 0) {
        throw new DeadlineException(e);
      }
      throw e;
    } finally {
      cutter.cancel(false);
    }
  }

  /** After the whole body was read; a failure here only means the connection is not reused. */
  private static void closeQuietly(CloseableHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      response.close(CloseMode.IMMEDIATE);
    }
  }

  private static Map<String, String> headers(Header[] headers) {
    Map<String, String> joined = new LinkedHashMap<>();
    for (Header header : headers) {
      joined.merge(header.getName().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
    }
    return joined;
  }

  /** Reads at most {@code max} bytes; one more is a {@link TooLargeException}. */
  private static byte[] body(HttpEntity entity, long max, long deadlineNanos) throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    if (entity.getContentLength() > max) {
      throw new TooLargeException(max);
    }
    ByteArrayOutputStream collected = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    // Not closed on failure: closing the stream would read the rest of the body; the caller drops the connection.
    InputStream in = entity.getContent();
    for (int read; (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - collected.size() + 1))) >= 0; ) {
      if (collected.size() + (long) read > max) {
        throw new TooLargeException(max);
      }
      collected.write(buffer, 0, read);
      if (System.nanoTime() - deadlineNanos >= 0) {
        throw new DeadlineException(null);
      }
    }
    in.close();
    return collected.toByteArray();
  }

  /** Closes every connection at once, including those of requests still running. */
  @Override
  public void close() {
    client.close(CloseMode.IMMEDIATE);
    deadlines.shutdownNow();
  }
}
