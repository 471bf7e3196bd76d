package dev.hookpoint.runtime.lua;

import static dev.hookpoint.runtime.lua.HttpTesting.get;
import static dev.hookpoint.runtime.lua.HttpTesting.refusal;
import static dev.hookpoint.runtime.lua.HttpTesting.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.hookpoint.runtime.lua.HttpTesting.NameTable;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection goes to the checked address, but TLS still speaks to the name: the server is asked for it by SNI
 * and its certificate is verified against it. A self-signed certificate for {@code pinned.test}, made by the JDK's
 * keytool, served on 127.0.0.1.
 */
class HttpTlsTest {

  @TempDir static Path dir;
  private static HttpsServer server;
  private static SSLContext trusting;
  private static final List<String> serverNames = new CopyOnWriteArrayList<>();
  private static final List<String> hostHeaders = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void serve() throws Exception {
    Path keys = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "server", "-dname", "CN=pinned.test",
        "-ext", "SAN=dns:pinned.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
        "-storepass", "secret", "-keypass", "secret")
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keys)) {
      keyStore.load(in, "secret".toCharArray());
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keyStore, "secret".toCharArray());
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keyManagers.getKeyManagers(), null, null);

    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    trustStore.load(null, null);
    trustStore.setCertificateEntry("server", keyStore.getCertificate("server"));
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trustStore);
    trusting = SSLContext.getInstance("TLS");
    trusting.init(null, trustManagers.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(HttpTesting.literal("127.0.0.1"), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    server.createContext("/", exchange -> {
      for (SNIServerName name : ((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession())
          .getRequestedServerNames()) {
        if (name.getType() == StandardConstants.SNI_HOST_NAME) {
          serverNames.add(new String(name.getEncoded(), StandardCharsets.US_ASCII));
        }
      }
      hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
      HttpTesting.Server.send(exchange, 200, "secure hello");
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static HttpHelper helper(NameTable names) {
    return new HttpHelper(settings("pinned.test", "other.test"), names, InternalAddresses::reason, trusting);
  }

  @Test
  void sniAndCertificateVerificationUseTheNameNotTheAddress() {
    NameTable names = new NameTable().answer("pinned.test", "127.0.0.1");
    try (HttpHelper http = helper(names)) {
      String url = "https://pinned.test:" + server.getAddress().getPort() + "/";

      assertEquals("secure hello", get(http, url).get("body").tojstring());
      assertEquals(List.of("pinned.test"), serverNames);
      assertEquals(List.of("pinned.test:" + server.getAddress().getPort()), hostHeaders);
      assertEquals(1, names.lookups("pinned.test"));
    }
  }

  @Test
  void aCertificateForAnotherNameIsRefused() {
    NameTable names = new NameTable().answer("other.test", "127.0.0.1");
    try (HttpHelper http = helper(names)) {
      String message = refusal(http, "https://other.test:" + server.getAddress().getPort() + "/");

      assertTrue(message.startsWith("http.get: other.test: No subject alternative DNS name matching other.test"),
          message);
      assertTrue(!hostHeaders.contains("other.test:" + server.getAddress().getPort()), hostHeaders.toString());
    }
  }
}
