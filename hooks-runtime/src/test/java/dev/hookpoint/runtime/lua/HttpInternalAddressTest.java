package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which addresses the http helper refuses: everything that is not a public unicast address, including IPv4
 * addresses carried inside IPv6 ones. Every address here is an IP literal: nothing is looked up, nothing is sent.
 */
class HttpInternalAddressTest {

  @ParameterizedTest(name = "{0} is internal: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      0.0.0.0                                 | 0.0.0.0/8
      0.1.2.3                                 | 0.0.0.0/8
      127.0.0.1                               | loopback 127.0.0.0/8
      127.255.255.254                         | loopback 127.0.0.0/8
      10.0.0.1                                | private 10.0.0.0/8
      172.16.0.1                              | private 172.16.0.0/12
      172.31.255.255                          | private 172.16.0.0/12
      192.168.1.1                             | private 192.168.0.0/16
      169.254.169.254                         | link-local 169.254.0.0/16
      100.64.0.1                              | shared address space (carrier-grade NAT) 100.64.0.0/10
      100.127.255.255                         | shared address space (carrier-grade NAT) 100.64.0.0/10
      192.0.0.1                               | IETF protocol assignments 192.0.0.0/24
      192.0.0.170                             | IETF protocol assignments 192.0.0.0/24
      192.0.2.1                               | documentation 192.0.2.0/24
      198.51.100.7                            | documentation 198.51.100.0/24
      203.0.113.9                             | documentation 203.0.113.0/24
      198.18.0.1                              | benchmarking 198.18.0.0/15
      198.19.255.255                          | benchmarking 198.18.0.0/15
      192.88.99.1                             | 6to4 relay anycast 192.88.99.0/24
      224.0.0.1                               | multicast 224.0.0.0/4
      239.255.255.250                         | multicast 224.0.0.0/4
      240.0.0.1                               | reserved 240.0.0.0/4
      255.255.255.255                         | broadcast 255.255.255.255/32
      ::                                      | unspecified ::/128
      ::1                                     | loopback ::1/128
      fc00::1                                 | unique-local fc00::/7
      fd12:3456::1                            | unique-local fc00::/7
      fe80::1                                 | link-local fe80::/10
      febf::1                                 | link-local fe80::/10
      fec0::1                                 | site-local fec0::/10
      ff02::1                                 | multicast ff00::/8
      ff0e::1                                 | multicast ff00::/8
      100::1                                  | discard 100::/64
      2001:db8::1                             | documentation 2001:db8::/32
      3fff::1                                 | documentation 3fff::/20
      2001:2::1                               | IETF protocol assignments 2001::/23
      2001:10::1                              | IETF protocol assignments 2001::/23
      5f00::1                                 | segment routing 5f00::/16
      4000::1                                 | outside global unicast 2000::/3
      1::1                                    | outside global unicast 2000::/3
      ::127.0.0.1                             | IPv4-compatible ::/96 carrying 127.0.0.1: loopback 127.0.0.0/8
      ::169.254.169.254                       | IPv4-compatible ::/96 carrying 169.254.169.254: link-local
      ::8.8.8.8                               | deprecated IPv4-compatible ::/96
      ::ffff:0:127.0.0.1                      | IPv4-translated ::ffff:0:0:0/96 carrying 127.0.0.1: loopback
      ::ffff:0:8.8.8.8                        | IPv4-translated ::ffff:0:0:0/96
      64:ff9b::127.0.0.1                      | NAT64 64:ff9b::/96 carrying 127.0.0.1: loopback
      64:ff9b::169.254.169.254                | NAT64 64:ff9b::/96 carrying 169.254.169.254: link-local
      64:ff9b::10.0.0.1                       | NAT64 64:ff9b::/96 carrying 10.0.0.1: private
      64:ff9b:1::a9fe:a9fe                    | NAT64 local-use 64:ff9b:1::/48
      64:ff9b:1::808:808                      | NAT64 local-use 64:ff9b:1::/48
      2002:7f00:1::1                          | 6to4 2002::/16 carrying 127.0.0.1: loopback
      2002:a9fe:a9fe::                        | 6to4 2002::/16 carrying 169.254.169.254: link-local
      2002:a00:1:1::1                         | 6to4 2002::/16 carrying 10.0.0.1: private
      2001:0:4136:e378:8000:63bf:80ff:fffe    | Teredo client 2001::/32 carrying 127.0.0.1: loopback
      2001:0:4136:e378:8000:63bf:5601:5601    | Teredo client 2001::/32 carrying 169.254.169.254: link-local
      2001:0:a00:1:8000:63bf:f7f7:f7f7        | Teredo server 2001::/32 carrying 10.0.0.1: private
      2606:4700::5efe:7f00:1                  | ISATAP ::0:5efe:0:0/96 carrying 127.0.0.1: loopback
      2606:4700::200:5efe:a9fe:a9fe           | ISATAP ::0:5efe:0:0/96 carrying 169.254.169.254: link-local
      2606:4700:1:2:0:5efe:192.168.0.1        | ISATAP ::0:5efe:0:0/96 carrying 192.168.0.1: private
      """)
  void internal(String literal, String reason) throws UnknownHostException {
    Optional<String> found = InternalAddresses.reason(literal(literal));
    assertTrue(found.isPresent(), literal + " was taken for a public address");
    assertTrue(found.get().contains(reason), literal + ": " + found.get());
  }

  @ParameterizedTest(name = "{0} is public")
  @CsvSource({
      "8.8.8.8", "1.1.1.1", "93.184.216.34", "11.0.0.1", "100.63.255.255", "100.128.0.0", "172.15.255.255",
      "172.32.0.0", "192.167.255.255", "192.169.0.0", "169.253.255.255", "169.255.0.0", "198.17.255.255",
      "198.20.0.0", "192.0.1.255", "192.0.3.0", "223.255.255.255", "2606:4700:4700::1111", "2001:4860:4860::8888",
      "2001:200::1", "64:ff9b::8.8.8.8", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
      "2606:4700::5efe:808:808", "2606:4700::200:5efe:101:101"})
  void publicUnicast(String literal) throws UnknownHostException {
    assertEquals(Optional.empty(), InternalAddresses.reason(literal(literal)), literal);
  }

  /**
   * Java turns an IPv4-mapped literal into an {@link Inet4Address} when it parses it, but
   * {@link Inet6Address#getByAddress(String, byte[], int)} (which a resolver may use) keeps the 16 bytes, and then
   * {@code isLoopbackAddress()} is false although a socket connected to it reaches 127.0.0.1.
   */
  @Test
  void ipv4MappedAddressesAreCheckedInBothForms() throws UnknownHostException {
    assertInstanceOf(Inet4Address.class, InetAddress.getByName("::ffff:127.0.0.1"));
    Inet6Address mapped = mapped(127, 0, 0, 1);
    assertTrue(!mapped.isLoopbackAddress(), "the JDK's own check misses it");
    assertEquals(Optional.of("IPv4-mapped ::ffff:0:0/96 carrying 127.0.0.1: loopback 127.0.0.0/8"),
        InternalAddresses.reason(mapped));
    assertTrue(InternalAddresses.reason(InetAddress.getByName("::ffff:169.254.169.254")).isPresent());
    assertTrue(InternalAddresses.reason(mapped(169, 254, 169, 254)).orElseThrow().contains("link-local"));
    assertEquals(Optional.empty(), InternalAddresses.reason(mapped(8, 8, 8, 8)));
  }

  /** An IP literal, parsed without any lookup (the test fails rather than resolve a name). */
  static InetAddress literal(String text) throws UnknownHostException {
    assertTrue(text.matches("[0-9a-fA-F:]*:[0-9a-fA-F:.]*|\\d+\\.\\d+\\.\\d+\\.\\d+"), "not an IP literal: " + text);
    return InetAddress.getByName(text);
  }

  private static Inet6Address mapped(int a, int b, int c, int d) throws UnknownHostException {
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xff;
    bytes[11] = (byte) 0xff;
    bytes[12] = (byte) a;
    bytes[13] = (byte) b;
    bytes[14] = (byte) c;
    bytes[15] = (byte) d;
    return Inet6Address.getByAddress(null, bytes, -1);
  }
}
