package dev.hookpoint.runtime.lua;

import static dev.hookpoint.runtime.lua.HttpTesting.ONLY_127_0_0_1_IS_INTERNAL;
import static dev.hookpoint.runtime.lua.HttpTesting.get;
import static dev.hookpoint.runtime.lua.HttpTesting.refusal;
import static dev.hookpoint.runtime.lua.HttpTesting.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.lua.HttpTesting.NameTable;
import dev.hookpoint.runtime.lua.HttpTesting.Server;
import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaTable;

/**
 * DNS rebinding: the http helper looks a name up once, checks every address, and connects to exactly those
 * addresses. Made-up names map to loopback addresses through the test's name table; 127.0.0.2 stands for a public
 * host and 127.0.0.1 for an internal one.
 */
class HttpPinningTest {

  private final NameTable names = new NameTable();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  private <T extends AutoCloseable> T opened(T closeable) {
    open.add(closeable);
    return closeable;
  }

  private HttpHelper helper(String... allowHosts) {
    return opened(new HttpHelper(settings(allowHosts), names, ONLY_127_0_0_1_IS_INTERNAL, null));
  }

  /** A "public" server on 127.0.0.2 and an "internal" one on 127.0.0.1, on the same port. */
  private Server[] publicAndInternalOnOnePort() throws IOException {
    for (int attempt = 0; ; attempt++) {
      Server outside = opened(new Server("127.0.0.2"));
      try {
        return new Server[] {outside, opened(new Server("127.0.0.1", outside.port()))};
      } catch (BindException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  @Test
  void theRequestGoesToTheAddressThatWasCheckedAndTheNameIsLookedUpOnce() throws IOException {
    Server[] servers = publicAndInternalOnOnePort();
    names.answer("rebind.test", "127.0.0.2").answer("rebind.test", "127.0.0.1");
    HttpHelper http = helper();

    LuaTable response = get(http, "http://rebind.test:" + servers[0].port() + "/");

    assertEquals("hello from 127.0.0.2", response.get("body").tojstring());
    assertEquals(1, names.lookups("rebind.test"));
    assertEquals(1, servers[0].seen.size());
    assertEquals(List.of(), servers[1].seen);
  }

  @Test
  void oneInternalAddressAmongPublicOnesRefusesTheWholeRequest() throws IOException {
    Server[] servers = publicAndInternalOnOnePort();
    names.answer("mixed.test", "127.0.0.2", "127.0.0.1");

    String message = refusal(helper(), "http://mixed.test:" + servers[0].port() + "/");

    assertTrue(message.startsWith("http.get: mixed.test is an internal address (127.0.0.1); add it to "
        + "hooks.lua.http.allow_hosts to allow it (test: 127.0.0.1 stands for an internal host)"), message);
    assertEquals(1, names.lookups("mixed.test"));
    assertEquals(List.of(), servers[0].seen);
    assertEquals(List.of(), servers[1].seen);
  }

  @Test
  void theHostHeaderKeepsTheName() throws IOException {
    Server server = opened(new Server("127.0.0.2"));
    names.answer("named.test", "127.0.0.2");

    get(helper(), "http://named.test:" + server.port() + "/page");

    assertEquals("named.test:" + server.port(), server.seen.get(0).host());
    assertEquals("/page", server.seen.get(0).path());
  }

  /**
   * Connections are pooled by scheme, name and port: a connection to an address allowed for one name is never
   * handed to a request for another name that resolves to the same address.
   */
  @Test
  void aConnectionOpenedForOneNameIsNotReusedForAnother() throws IOException {
    Server internal = opened(new Server("127.0.0.1"));
    names.answer("allowed.test", "127.0.0.1").answer("other.test", "127.0.0.1");
    HttpHelper http = helper("allowed.test");
    String port = ":" + internal.port() + "/";

    assertEquals("hello from 127.0.0.1", get(http, "http://allowed.test" + port).get("body").tojstring());
    String message = refusal(http, "http://other.test" + port);

    assertTrue(message.contains("other.test is an internal address (127.0.0.1)"), message);
    assertEquals(1, names.lookups("other.test"));
    assertEquals(1, internal.seen.size());
  }

  /** The same name reuses its connection, which goes to the address checked when it was opened. */
  @Test
  void aConnectionIsReusedOnlyForItsOwnName() throws IOException {
    Server server = opened(new Server("127.0.0.2"));
    names.answer("again.test", "127.0.0.2").answer("again.test", "127.0.0.1");
    HttpHelper http = helper();

    get(http, "http://again.test:" + server.port() + "/");
    get(http, "http://again.test:" + server.port() + "/");

    assertEquals(1, names.lookups("again.test"));
    assertEquals(2, server.seen.size());
    assertEquals(server.seen.get(0).remotePort(), server.seen.get(1).remotePort());
  }

  /**
   * Loopback spelled as an IPv4-mapped IPv6 literal, or as one 32-bit number, through the
   * system resolver (which parses literals without a lookup). Each would reach 127.0.0.1 if let through.
   */
  @Test
  void loopbackSpelledOtherwiseInTheUrlIsRefused() throws IOException {
    Server internal = opened(new Server("127.0.0.1"));
    HttpHelper http = opened(new HttpHelper(settings(), HostResolver.SYSTEM, InternalAddresses::reason, null));
    for (String host : List.of("[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.0.0.1]",
        "2130706433")) {
      String message = refusal(http, "http://" + host + ":" + internal.port() + "/");
      assertTrue(message.contains(host + " is an internal address (127.0.0.1)")
          && message.contains("loopback 127.0.0.0/8"), message);
    }
    assertEquals(List.of(), internal.seen);
  }

  @Test
  void anUnknownNameIsAClearError() {
    assertEquals("http.get: unknown host nowhere.test", refusal(helper(), "http://nowhere.test/"));
  }

  @Test
  void allowHostsMatchesIpv6LiteralsWithOrWithoutBrackets() throws IOException {
    assertTrue(refusal(opened(new HttpHelper(settings(), names, InternalAddresses::reason, null)), "http://[::1]:1/")
        .contains("[::1] is an internal address (0:0:0:0:0:0:0:1)"));
    String allowed = refusal(opened(new HttpHelper(settings("::1"), names, InternalAddresses::reason, null)),
        "http://[::1]:1/");
    assertTrue(!allowed.contains("internal address"), allowed);
  }
}
