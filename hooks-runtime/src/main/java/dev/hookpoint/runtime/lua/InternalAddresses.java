package dev.hookpoint.runtime.lua;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the http helper refuses: an address is internal unless it is public unicast. For IPv4 that is
 * everything outside the special-purpose ranges below; for IPv6 it is global unicast ({@code 2000::/3}) outside
 * its special ranges. An IPv4 address carried inside an IPv6 one (mapped, compatible, translated, NAT64, 6to4,
 * Teredo, ISATAP) is checked against the IPv4 rules, because a dual-stack socket or a tunnel delivers the
 * connection to that IPv4 address.
 *
 * <p>The ranges are IP literals, parsed without any lookup.
 */
final class InternalAddresses {

  private InternalAddresses() {}

  /** A CIDR block with what it is; {@code internal} false marks a public range that only the carried IPv4 decides. */
  private record Range(byte[] prefix, int bits, String label, boolean internal) {
    static Range of(String cidr, String name, boolean internal) {
      int slash = cidr.indexOf('/');
      byte[] prefix = parse(cidr.substring(0, slash));
      return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), name + " " + cidr, internal);
    }

    static Range internal(String cidr, String name) {
      return of(cidr, name, true);
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit += 8) {
        int mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
        if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Where an IPv6 form carries an IPv4 address: its block, the offset of the four bytes, whether they are inverted. */
  private record Embedding(Range range, int offset, boolean inverted) {
    byte[] ipv4(byte[] address) {
      byte[] ipv4 = new byte[4];
      for (int i = 0; i < 4; i++) {
        ipv4[i] = (byte) (inverted ? ~address[offset + i] : address[offset + i]);
      }
      return ipv4;
    }
  }

  /** IANA's IPv4 special-purpose registry, less the globally reachable anycast blocks, plus multicast. */
  private static final List<Range> IPV4 = List.of(
      Range.internal("0.0.0.0/8", "\"this network\""),
      Range.internal("10.0.0.0/8", "private"),
      Range.internal("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
      Range.internal("127.0.0.0/8", "loopback"),
      Range.internal("169.254.0.0/16", "link-local"),
      Range.internal("172.16.0.0/12", "private"),
      Range.internal("192.0.0.0/24", "IETF protocol assignments"),
      Range.internal("192.0.2.0/24", "documentation"),
      Range.internal("192.88.99.0/24", "6to4 relay anycast"),
      Range.internal("192.168.0.0/16", "private"),
      Range.internal("198.18.0.0/15", "benchmarking"),
      Range.internal("198.51.100.0/24", "documentation"),
      Range.internal("203.0.113.0/24", "documentation"),
      Range.internal("224.0.0.0/4", "multicast"),
      Range.internal("255.255.255.255/32", "broadcast"),
      Range.internal("240.0.0.0/4", "reserved"));

  private static final Range MAPPED = Range.of("::ffff:0:0/96", "IPv4-mapped", false);
  private static final Range NAT64 = Range.of("64:ff9b::/96", "NAT64", false);
  private static final Range SIX_TO_FOUR = Range.of("2002::/16", "6to4", false);
  private static final Range TEREDO = Range.of("2001::/32", "Teredo", false);
  private static final Range ISATAP = Range.internal("::0:5efe:0:0/96", "ISATAP");
  private static final Range GLOBAL_UNICAST = Range.of("2000::/3", "global unicast", false);

  /** Checked before anything else: both lie inside the IPv4-compatible block. */
  private static final List<Range> UNSPECIFIED_AND_LOOPBACK = List.of(
      Range.internal("::/128", "unspecified"),
      Range.internal("::1/128", "loopback"));

  /** IPv6 forms that carry an IPv4 address; every one found is checked. */
  private static final List<Embedding> EMBEDDINGS = List.of(
      new Embedding(MAPPED, 12, false),
      new Embedding(Range.internal("::/96", "IPv4-compatible"), 12, false),
      new Embedding(Range.internal("::ffff:0:0:0/96", "IPv4-translated"), 12, false),
      new Embedding(NAT64, 12, false),
      new Embedding(SIX_TO_FOUR, 2, false),
      new Embedding(Range.of("2001::/32", "Teredo server", false), 4, false),
      new Embedding(Range.of("2001::/32", "Teredo client", false), 12, true));

  /**
   * The IPv6 address itself once what it carries is known to be public; first match wins. The forms whose carried
   * IPv4 address decides are public here; everything else outside global unicast is internal.
   */
  private static final List<Range> IPV6 = List.of(
      MAPPED,
      Range.internal("::/96", "deprecated IPv4-compatible"),
      Range.internal("::ffff:0:0:0/96", "IPv4-translated"),
      NAT64,
      Range.internal("64:ff9b:1::/48", "NAT64 local-use"),
      Range.internal("100::/64", "discard"),
      TEREDO,
      Range.internal("2001::/23", "IETF protocol assignments"),
      Range.internal("2001:db8::/32", "documentation"),
      SIX_TO_FOUR,
      Range.internal("3fff::/20", "documentation"),
      Range.internal("5f00::/16", "segment routing"),
      Range.internal("fc00::/7", "unique-local"),
      Range.internal("fe80::/10", "link-local"),
      Range.internal("fec0::/10", "site-local"),
      Range.internal("ff00::/8", "multicast"));

  /** Why the address is internal, e.g. {@code "link-local 169.254.0.0/16"}; empty for a public unicast address. */
  static Optional<String> reason(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return first(IPV4, bytes);
    }
    Optional<String> special = first(UNSPECIFIED_AND_LOOPBACK, bytes);
    if (special.isPresent()) {
      return special;
    }
    for (Embedding embedding : EMBEDDINGS) {
      Optional<String> carried = carried(embedding, bytes);
      if (carried.isPresent()) {
        return carried;
      }
    }
    byte[] isatap = isatapForm(bytes);
    if (isatap != null) {
      Optional<String> carried = carried(new Embedding(ISATAP, 12, false), isatap);
      if (carried.isPresent()) {
        return carried;
      }
    }
    for (Range range : IPV6) {
      if (range.contains(bytes)) {
        return range.internal() ? Optional.of(range.label()) : Optional.empty();
      }
    }
    return GLOBAL_UNICAST.contains(bytes) ? Optional.empty() : Optional.of("outside " + GLOBAL_UNICAST.label());
  }

  private static Optional<String> carried(Embedding embedding, byte[] bytes) {
    if (!embedding.range().contains(bytes)) {
      return Optional.empty();
    }
    byte[] ipv4 = embedding.ipv4(bytes);
    return first(IPV4, ipv4).map(why -> embedding.range().label() + " carrying " + dotted(ipv4) + ": " + why);
  }

  /**
   * ISATAP puts {@code 0:5efe} or {@code 200:5efe} (the universal/local bit, and the group bit beside it, may be
   * set) before the IPv4 address under any /64; returns the address with those bits cleared and the /64 zeroed so
   * that {@link #ISATAP} matches it, or null when it is not of that form.
   */
  private static byte[] isatapForm(byte[] bytes) {
    if ((bytes[8] & 0xfc) != 0 || bytes[9] != 0 || (bytes[10] & 0xff) != 0x5e || (bytes[11] & 0xff) != 0xfe) {
      return null;
    }
    byte[] form = new byte[16];
    System.arraycopy(bytes, 10, form, 10, 6);
    return form;
  }

  private static Optional<String> first(List<Range> ranges, byte[] bytes) {
    return ranges.stream().filter(range -> range.internal() && range.contains(bytes)).findFirst().map(Range::label);
  }

  private static String dotted(byte[] ipv4) {
    return (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
  }

  /** An IP literal; IPv4-mapped literals are kept as 16 bytes (Java would turn them into IPv4 addresses). */
  private static byte[] parse(String literal) {
    if (!literal.contains(":")) {
      return literalAddress(literal).getAddress();
    }
    if (literal.equals("::ffff:0:0")) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      return mapped;
    }
    byte[] bytes = literalAddress(literal).getAddress();
    if (bytes.length != 16) {
      throw new IllegalArgumentException("not an IPv6 range: " + literal);
    }
    return bytes;
  }

  private static InetAddress literalAddress(String literal) {
    if (!literal.matches("[0-9a-f:.]+")) {
      throw new IllegalArgumentException("not an IP literal: " + literal);
    }
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + literal, e);
    }
  }
}
