package dev.hookpoint.dashboard;

import dev.hookpoint.runtime.config.HookpointConfig;

/**
 * How a host mounts the dashboard: under which path, and who may use it. Without a token or a credential the
 * dashboard answers only requests from loopback, and its standalone server binds only loopback.
 *
 * @param prefix the path the pages and the API live under, e.g. {@code /settings/hooks}; no trailing slash
 * @param token an operator token ({@code Authorization: Bearer <token>}, or a basic-auth password), or empty
 * @param user with {@code password}, a basic-auth credential, or empty
 * @param password the basic-auth password, or empty
 */
public record DashboardOptions(String prefix, String token, String user, String password) {

  /** Where the dashboard is mounted unless the host says otherwise: the design's Settings &gt; Hooks. */
  public static final String DEFAULT_PREFIX = "/settings/hooks";

  public DashboardOptions {
    if (prefix == null || !prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("*")
        || prefix.contains("{")) {
      throw new IllegalArgumentException("the dashboard's prefix must start with '/', not end with one and hold no "
          + "'*' or '{': got '" + prefix + "'");
    }
    token = token == null ? "" : token;
    user = user == null ? "" : user;
    password = password == null ? "" : password;
    if (user.isEmpty() != password.isEmpty()) {
      throw new IllegalArgumentException("a dashboard credential needs both a user and a password");
    }
  }

  /** The default prefix and no credential: loopback only. */
  public static DashboardOptions defaults() {
    return new DashboardOptions(DEFAULT_PREFIX, "", "", "");
  }

  /** The default prefix and the credential of {@code hooks.dashboard.*} in the host's configuration. */
  public static DashboardOptions from(HookpointConfig config) {
    HookpointConfig.Dashboard dashboard = config.hooks().dashboard();
    return new DashboardOptions(DEFAULT_PREFIX, dashboard.token(), dashboard.user(), dashboard.password());
  }

  /** The same options under another prefix. */
  public DashboardOptions withPrefix(String prefix) {
    return new DashboardOptions(prefix, token, user, password);
  }

  /** Whether a token or a credential is set: without one, only loopback is served. */
  public boolean secured() {
    return !token.isEmpty() || !user.isEmpty();
  }

  @Override
  public String toString() {
    return "DashboardOptions[prefix=" + prefix + ", token=" + (token.isEmpty() ? "" : "***") + ", user=" + user
        + "]";
  }
}
