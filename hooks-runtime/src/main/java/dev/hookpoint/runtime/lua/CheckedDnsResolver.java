package dev.hookpoint.runtime.lua;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The http client's only way from a host name to addresses: looks the name up once, refuses it when any of its
 * addresses is internal (unless the host is in {@code hooks.lua.http.allow_hosts}), and hands the client exactly
 * the addresses it checked, which the client then connects to. There is no second lookup to rebind.
 */
final class CheckedDnsResolver implements DnsResolver {

  /** A host refused because one of its addresses is internal; the message names the setting that allows it. */
  static final class InternalAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    InternalAddressException(String host, InetAddress address, String reason) {
      super(host + " is an internal address (" + address.getHostAddress() + "); add it to "
          + "hooks.lua.http.allow_hosts to allow it (" + reason + ")");
    }
  }

  private final HostResolver resolver;
  private final Set<String> allowHosts;
  private final Function<InetAddress, Optional<String>> internal;

  /**
   * @param allowHosts lower-case host names (IPv6 literals without brackets) that may be internal
   * @param internal why an address is internal, or empty when it may be connected to
   */
  CheckedDnsResolver(HostResolver resolver, Set<String> allowHosts, Function<InetAddress, Optional<String>> internal) {
    this.resolver = resolver;
    this.allowHosts = allowHosts;
    this.internal = internal;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String name = bare(host);
    InetAddress[] addresses = resolver.resolve(name);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    addresses = addresses.clone();
    if (!allowHosts.contains(name)) {
      for (InetAddress address : addresses) {
        Optional<String> reason = internal.apply(address);
        if (reason.isPresent()) {
          throw new InternalAddressException(host, address, reason.get());
        }
      }
    }
    return addresses;
  }

  /** Only Kerberos-style authentication asks this, and the client has none: answers without a lookup. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  /** A host as the allow list holds it: lower case, an IPv6 literal without its brackets. */
  static String bare(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
  }
}
