package dev.hookpoint.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stops another site, another machine or a missing credential from switching an operator's hooks. */
class DashboardSecurityTest {

  private static final String TITLE = "before_media_added/10_title.lua";
  private static final String DISABLE = "{\"id\": \"" + TITLE + "\"}";

  @TempDir Path root;
  private DashboardHost host;

  @AfterEach
  void close() {
    if (host != null) {
      host.close();
    }
  }

  private DashboardHost start(DashboardOptions options) {
    host = DashboardHost.with(root, options, Map.of(TITLE, DashboardHost.TITLE_HOOK));
    return host;
  }

  private boolean enabled() {
    return host.runtime.hook(TITLE).orElseThrow().enabled();
  }

  @Test
  void aCrossOriginPostIsRefusedAndTheSameOriginOneSucceeds() throws Exception {
    start(DashboardOptions.defaults());
    HttpResponse<String> foreign = host.postJson("/api/hooks/disable", DISABLE, "Origin", "http://attacker.invalid");
    assertEquals(403, foreign.statusCode());
    assertTrue(foreign.body().contains("cross-origin request refused"), foreign.body());
    HttpResponse<String> crossSite = host.postJson("/api/hooks/disable", DISABLE, "Sec-Fetch-Site", "cross-site");
    assertEquals(403, crossSite.statusCode());
    assertEquals(403, host.postJson("/api/hooks/disable", DISABLE, "Origin", "null").statusCode());
    assertTrue(enabled());
    assertEquals(200, host.postJson("/api/hooks/disable", DISABLE, "Origin", host.origin(), "Sec-Fetch-Site",
        "same-origin").statusCode());
    assertFalse(enabled());
  }

  @Test
  void aCrossOriginFormIsRefusedEvenWithTheToken() throws Exception {
    start(DashboardOptions.defaults());
    Map<String, String> form = Map.of("id", TITLE, "enabled", "false");
    assertEquals(403, host.postForm("/hooks/switch", form, "Origin", "http://127.0.0.1:1").statusCode());
    assertTrue(enabled());
    assertEquals(303, host.postForm("/hooks/switch", form, "Origin", host.origin()).statusCode());
    assertFalse(enabled());
  }

  @Test
  void aNonJsonBodyOnTheApiIsA415() throws Exception {
    start(DashboardOptions.defaults());
    HttpResponse<String> text = host.post("/api/hooks/disable", "text/plain", DISABLE);
    assertEquals(415, text.statusCode());
    assertTrue(text.body().contains("application/json"), text.body());
    assertEquals(415, host.post("/api/hooks/disable", "application/x-www-form-urlencoded", "id=" + TITLE)
        .statusCode());
    assertEquals(415, host.post("/api/hooks/disable", null, DISABLE).statusCode());
    assertEquals(415, host.post("/hooks/switch", "application/json", DISABLE).statusCode(), "pages take forms");
    assertTrue(enabled());
    assertEquals(200, host.postJson("/api/hooks/disable", DISABLE).statusCode());
  }

  @Test
  void withATokenConfiguredAMissingOrWrongOneIsA401AndTheRightOneWorks() throws Exception {
    start(new DashboardOptions(DashboardOptions.DEFAULT_PREFIX, "t0ken", "", ""));
    HttpResponse<String> missing = host.get("/api/hooks");
    assertEquals(401, missing.statusCode());
    assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals(401, host.get("").statusCode(), "the pages too");
    assertEquals(401, host.get("/api/hooks", "Authorization", "Bearer wrong").statusCode());
    assertEquals(401, host.postJson("/api/hooks/disable", DISABLE).statusCode());
    assertTrue(enabled());
    assertEquals(200, host.get("/api/hooks", "Authorization", "Bearer t0ken").statusCode());
    assertEquals(200, host.get("", "Authorization", basic("anyone", "t0ken")).statusCode(), "a browser's prompt");
    assertEquals(200, host.postJson("/api/hooks/disable", DISABLE, "Authorization", "Bearer t0ken").statusCode());
    assertFalse(enabled());
  }

  @Test
  void withACredentialConfiguredOnlyThatUserAndPasswordGetIn() throws Exception {
    start(new DashboardOptions(DashboardOptions.DEFAULT_PREFIX, "", "ops", "pa55"));
    assertEquals(401, host.get("/api/hooks").statusCode());
    assertEquals(401, host.get("/api/hooks", "Authorization", basic("ops", "wrong")).statusCode());
    assertEquals(401, host.get("/api/hooks", "Authorization", basic("root", "pa55")).statusCode());
    assertEquals(401, host.get("/api/hooks", "Authorization", "Basic !!!").statusCode());
    assertEquals(200, host.get("/api/hooks", "Authorization", basic("ops", "pa55")).statusCode());
  }

  @Test
  void theStandaloneServerRefusesToServeBeyondLoopbackWithoutACredential() {
    start(DashboardOptions.defaults());
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> HooksDashboard.start(host.runtime, "0.0.0.0", 0));
    assertTrue(refused.getMessage().contains("set hooks.dashboard.token"), refused.getMessage());
    assertThrows(IllegalStateException.class, () -> HooksDashboard.start(host.runtime, "media.lan", 0),
        "a name is not assumed to be loopback, nor looked up");
  }

  @Test
  void loopbackIsDecidedWithoutAskingDns() {
    assertTrue(Access.isLoopback("127.0.0.1"));
    assertTrue(Access.isLoopback("127.8.9.10"));
    assertTrue(Access.isLoopback("::1"));
    assertTrue(Access.isLoopback("[::1]"));
    assertTrue(Access.isLoopback("localhost"));
    assertFalse(Access.isLoopback("0.0.0.0"));
    assertFalse(Access.isLoopback("192.168.1.20"));
    assertFalse(Access.isLoopback("media.lan"));
    assertFalse(Access.isLoopback(""));
  }

  @Test
  void pagesForbidFramingAndForeignScripts() throws Exception {
    start(DashboardOptions.defaults());
    HttpResponse<String> page = host.get("");
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
    assertEquals(200, host.get("/assets/dashboard.js").statusCode());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
