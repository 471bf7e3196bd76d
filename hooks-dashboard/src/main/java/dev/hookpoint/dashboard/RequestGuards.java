package dev.hookpoint.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks every state-changing request passes, in the dashboard and in any host's own JSON API: it is not
 * cross-site (its {@code Sec-Fetch-Site} and {@code Origin} say the same origin, when a browser sends them), and its
 * body is JSON. A refused request gets {@code {"error": message}} with 403 or 415.
 *
 * <pre>{@code
 * config.routes.before("/api/*", RequestGuards.sameOriginJson());
 * }</pre>
 */
public final class RequestGuards {

  private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
  private static final Set<String> SAME_SITE_FETCH = Set.of("same-origin", "none");

  private RequestGuards() {}

  /**
   * A before-handler for a JSON API: requests other than GET, HEAD and OPTIONS must not be cross-site, and a body
   * they carry must be labelled {@code application/json}. A body without any {@code Content-Type} is let through:
   * browsers always label what they send, and the cross-site check already stops a browser's unlabelled one.
   */
  public static Handler sameOriginJson() {
    return ctx -> {
      if (stateChanging(ctx)) {
        try {
          refuseCrossSite(ctx);
          if (ctx.header("Content-Type") != null) {
            requireJson(ctx);
          }
        } catch (DashboardException refused) {
          ctx.status(refused.status()).json(Map.of("error", refused.getMessage()));
          ctx.skipRemainingHandlers();
        }
      }
    };
  }

  static boolean stateChanging(Context ctx) {
    return !SAFE.contains(ctx.method());
  }

  /**
   * Refuses a request a browser made for another site's page: {@code Sec-Fetch-Site} other than same-origin (or
   * none, what the operator typed), or an {@code Origin} whose host and port are not this request's.
   */
  static void refuseCrossSite(Context ctx) {
    String fetchSite = ctx.header("Sec-Fetch-Site");
    if (fetchSite != null && !SAME_SITE_FETCH.contains(fetchSite.toLowerCase(Locale.ROOT))) {
      throw new DashboardException(403, "cross-site request refused (Sec-Fetch-Site: " + fetchSite + "): "
          + "state-changing requests must come from this server's own pages");
    }
    String origin = ctx.header("Origin");
    if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
      throw new DashboardException(403, "cross-origin request refused (Origin: " + origin + ", this server is "
          + ctx.header("Host") + "): state-changing requests must come from this server's own pages");
    }
  }

  private static boolean sameOrigin(String origin, String host) {
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getRawAuthority();
      if (authority == null) {
        return false;
      }
      if (uri.getPort() < 0) {
        authority += ":" + ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
      }
      String self = host.contains(":") && !host.endsWith("]") ? host : host + ":" + ("https".equalsIgnoreCase(
          uri.getScheme()) ? 443 : 80);
      return authority.equalsIgnoreCase(self);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Refuses a body that is not labelled JSON (415): a form or text/plain post is not an API call. */
  static void requireJson(Context ctx) {
    String type = ctx.header("Content-Type");
    String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new DashboardException(415, "this route takes a JSON body (Content-Type: application/json), got "
          + (type == null ? "no Content-Type" : "'" + type + "'"));
    }
  }
}
