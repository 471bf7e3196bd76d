package dev.hookpoint.dashboard;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Who may use the dashboard: with a token or a credential configured, whoever presents it; without one, only
 * requests from loopback, so a host that binds its server to every interface does not hand its hooks to the LAN.
 */
final class Access {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final DashboardOptions options;

  Access(DashboardOptions options) {
    this.options = options;
  }

  /** Throws 401 (with a basic-auth challenge) or 403 when the request may not see the dashboard. */
  void check(Context ctx) {
    if (!options.secured()) {
      if (!isLoopback(ctx.req().getRemoteAddr())) {
        throw new DashboardException(403, "the hooks dashboard serves only loopback when no operator token is "
            + "configured: set hooks.dashboard.token (or user and password) to use it from "
            + ctx.req().getRemoteAddr());
      }
      return;
    }
    String authorization = ctx.header("Authorization");
    if (authorization == null || !accepted(authorization)) {
      ctx.header("WWW-Authenticate", "Basic realm=\"Hookpoint dashboard\", charset=\"UTF-8\"");
      throw new DashboardException(401, authorization == null
          ? "the hooks dashboard needs the operator token (Authorization: Bearer <token>) or its user and password"
          : "wrong operator token or credential for the hooks dashboard");
    }
  }

  private boolean accepted(String authorization) {
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return !options.token().isEmpty() && same(authorization.substring(7).strip(), options.token());
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        return false;
      }
      String user = pair.substring(0, colon);
      String password = pair.substring(colon + 1);
      boolean credential = !options.user().isEmpty() && same(user, options.user())
          & same(password, options.password());
      boolean token = !options.token().isEmpty() && same(password, options.token());
      return credential || token;
    }
    return false;
  }

  /** Compares in time independent of where the texts differ. */
  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether a host or address is loopback, without asking DNS: {@code localhost}, or an IP literal in 127.0.0.0/8
   * or {@code ::1}. A name that needs resolving is not taken as loopback.
   */
  static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
      return false;
    }
    try {
      // An IP literal: parsed, never looked up.
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
