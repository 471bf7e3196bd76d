package dev.hookpoint.sample.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * A headless Chromium for one test, driven by Selenium, that can reach only loopback: use {@link BrowserTest} on
 * the class and take a {@link WebDriver} parameter in each test.
 *
 * <p>The binaries are Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (other paths with
 * {@code -Dhookpoint.chromium=...} and {@code -Dhookpoint.chromedriver=...}), named to Selenium explicitly, so
 * Selenium Manager is never run and downloads nothing. Every request to a host that is not loopback goes to a
 * {@link ProxyTrap} on 127.0.0.1, which answers 403 and records it; a test after which the trap holds an attempt
 * fails, so a flag that stops keeping Chromium quiet is noticed. After every test the page's screenshot is saved as
 * {@code target/screenshots/<TestClass>-<test>.png} (and, when the test failed, its HTML beside it).
 *
 * <p>When a binary is missing the test fails with how to install it, on CI (CI=true) and on a developer's machine
 * alike: a skipped browser test reads as a passing build and would hide that the pages were never tried. A
 * developer who wants the rest of the suite without a browser excludes these tests by their tag, openly:
 * {@code mvn verify -DexcludedGroups=browser}. See docs/operating.md, "Browser tests".
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
    ParameterResolver {

  /**
   * Chromium's switches: headless, no sandbox (CI runs as root), and nothing of its own on the network. Chromium 156
   * with only the usual switches still asked for the network time (clients2.google.com), an on-demand component
   * (update.googleapis.com), Google accounts (accounts.google.com) and, on a page with a form, autofill hints
   * (content-autofill.googleapis.com) and a spelling dictionary (redirector.gvt1.com); the trap caught them all, so
   * the last three switches turn them off or point them at 127.0.0.1:9, where nothing listens, and {@link #PREFS}
   * turns spell checking off.
   */
  static final List<String> SWITCHES = List.of(
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--window-size=1280,900",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-domain-reliability",
      "--disable-breakpad",
      "--disable-client-side-phishing-detection",
      "--metrics-recording-only",
      "--dns-prefetch-disable",
      // No name is ever resolved except the loopback address the tests use.
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
      "--disable-features=OptimizationHints,Translate,MediaRouter,NetworkTimeServiceQuerying,"
          + "AutofillServerCommunication",
      "--gaia-url=http://127.0.0.1:9/",
      "--component-updater=url-source=http://127.0.0.1:9/");

  /** The profile's preferences: no spell checking, whose dictionary Chromium fetches when a field is typed in. */
  static final Map<String, Object> PREFS = Map.of("browser.enable_spellchecking", false,
      "spellcheck.use_spelling_service", false, "spellcheck.dictionaries", List.of(), "spellcheck.dictionary", "");

  static final Duration PAGE_LOAD = Duration.ofSeconds(10);
  static final Duration SCRIPT = Duration.ofSeconds(5);
  static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);
  /** How long Selenium waits for chromedriver to start and to answer one command: a hung browser fails fast. */
  static final Duration DRIVER_START = Duration.ofSeconds(20);
  static final Duration DRIVER_COMMAND = Duration.ofSeconds(30);

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

  /** Where screenshots go: the module's target/screenshots (surefire runs in the module's directory). */
  public static Path screenshots() {
    return Path.of(System.getProperty("basedir", "."), "target", "screenshots");
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    Path chromium = binary("hookpoint.chromium", "/usr/bin/chromium");
    Path chromedriver = binary("hookpoint.chromedriver", "/usr/bin/chromedriver");
    ProxyTrap trap = ProxyTrap.start();
    ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments(SWITCHES)
        .addArguments("--proxy-server=127.0.0.1:" + trap.port(), "--proxy-bypass-list=127.0.0.1")
        .setExperimentalOption("prefs", PREFS);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort().withTimeout(DRIVER_START).build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options, ClientConfig.defaultConfig().readTimeout(DRIVER_COMMAND));
    } catch (RuntimeException e) {
      service.stop();
      trap.close();
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD).scriptTimeout(SCRIPT).implicitlyWait(IMPLICIT_WAIT);
    context.getStore(NAMESPACE).put(Session.class, new Session(driver, service, trap));
  }

  /** Runs before the test class's own {@code @AfterEach}, so the page is shot while its server still runs. */
  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    Session session = session(context).orElse(null);
    if (session == null) {
      return; // no browser started: the binaries' check failed the test already
    }
    String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    Files.createDirectories(screenshots());
    try {
      byte[] png = ((TakesScreenshot) session.driver).getScreenshotAs(OutputType.BYTES);
      Files.write(screenshots().resolve(name + ".png"), png);
      Path html = screenshots().resolve(name + ".html");
      if (context.getExecutionException().isPresent()) {
        Files.writeString(html, session.driver.getPageSource());
      } else {
        Files.deleteIfExists(html); // an earlier failure's page, not this run's
      }
    } catch (RuntimeException e) {
      // A browser too broken to shoot must not hide the test's own failure; say so and go on to quit it.
      context.getExecutionException().ifPresentOrElse(failure -> failure.addSuppressed(e), () -> {
        throw e;
      });
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Session session = session(context).orElse(null);
    if (session == null) {
      return;
    }
    try {
      session.driver.quit();
    } finally {
      session.service.stop();
      session.trap.close();
    }
    List<String> attempts = session.trap.attempts();
    if (!attempts.isEmpty() && context.getExecutionException().isEmpty()) {
      throw new AssertionError("Chromium tried to reach hosts outside loopback (sent to the proxy trap, which "
          + "answered 403): " + attempts + ". Add the switch that turns this off to Browser.SWITCHES, or, if the "
          + "test means it, take them with the test's ProxyTrap parameter: trap.takeAttempts().");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == WebDriver.class || type == ProxyTrap.class;
  }

  /** A test's {@link WebDriver}, or the {@link ProxyTrap} behind it (what it caught of requests off loopback). */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Session session = session(context).orElseThrow();
    return parameter.getParameter().getType() == ProxyTrap.class ? session.trap : session.driver;
  }

  private static Optional<Session> session(ExtensionContext context) {
    return Optional.ofNullable(context.getStore(NAMESPACE).get(Session.class, Session.class));
  }

  /** The binary at the system property's path or the Debian default; a missing one fails the test with the fix. */
  private static Path binary(String property, String debianPath) {
    Path path = Path.of(System.getProperty(property, debianPath));
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException("Browser tests need Chromium and its driver, and " + path + " is not "
          + "there" + ("true".equals(System.getenv("CI")) ? " (on CI, .ci/run installs them)" : "") + ". Install "
          + "them (Debian: apt-get install chromium chromium-driver), or point at your own with -D" + property
          + "=/path, or leave the browser tests out of this build, openly: "
          + "mvn verify -DexcludedGroups=browser. See docs/operating.md, \"Browser tests\".");
    }
    return path;
  }

  private record Session(ChromeDriver driver, ChromeDriverService service, ProxyTrap trap) {}
}
