package dev.hookpoint.sample.browser;

import static dev.hookpoint.sample.browser.SamplePage.add;
import static dev.hookpoint.sample.browser.SamplePage.fetchJson;
import static dev.hookpoint.sample.browser.SamplePage.loadsANewPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.sample.SampleServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The hooks dashboard (Settings › Hooks) in a real Chromium, against the sample app's real server on a free port, a
 * temp SQLite database and the example hooks: switching a hook off, the tester, a broken hook's load error, the
 * live timeouts and the runs filtered by status. Besides the harness's end-of-test screenshot, each page visited is
 * shot as {@code target/screenshots/DashboardBrowserTest-page-<name>.png}.
 */
@BrowserTest
class DashboardBrowserTest {

  private static final String GUARD = "before_media_added/01_reject_duplicates.lua";
  private static final String ANIME = "after_media_added/02_adjust_anime_settings.lua";
  private static final String BROKEN = "before_media_added/05_broken.lua";

  @TempDir Path dir;
  private SampleServer server;

  @BeforeEach
  void start() {
    open();
  }

  @AfterEach
  void stop() {
    close();
  }

  private void open() {
    server = SampleServer.start(dir);
  }

  private void close() {
    if (server != null) {
      server.close();
    }
  }

  /** Restarts the host on the same directory: hot reload is off, so this is how a new hook file is picked up. */
  private void restart() {
    close();
    open();
  }

  private String url(String path) {
    return server.url(path);
  }

  private String dashboard(String path) {
    return url("/settings/hooks" + path);
  }

  private static WebElement hookArticle(WebDriver browser, String id) {
    return browser.findElement(By.id("hook-" + id.replaceAll("[^A-Za-z0-9_-]", "-")));
  }

  @Test
  void aDisabledDuplicateGuardDoesNotRunSoTheDuplicateIsAdded(WebDriver browser) {
    browser.get(url("/"));
    assertEquals(201L, fetchJson(browser, "POST", "/api/media", "{\"type\": \"movie\", \"title\": \"Heat\"}")
        .get("status"));
    assertEquals(1, runsOf(browser, GUARD), "the guard ran for the first add");

    browser.get(dashboard(""));
    assertEquals("Hooks · Hooks", browser.getTitle());
    WebElement guard = hookArticle(browser, GUARD);
    assertTrue(guard.findElement(By.cssSelector("input.switch-box")).isSelected(), "enabled at first");
    WebElement box = guard.findElement(By.cssSelector("input.switch-box"));
    loadsANewPage(browser, box::click); // the page's script posts the form at once
    guard = hookArticle(browser, GUARD);
    assertEquals("Enable", guard.findElement(By.cssSelector("form.switch button")).getText());
    assertFalse(guard.findElement(By.cssSelector("input.switch-box")).isSelected(), "switched off");
    shot(browser, "hooks-guard-disabled");
    assertFalse(server.app().hooks().hook(GUARD).orElseThrow().enabled(), "the runtime has it off");

    // The duplicate through the sample app's own page: added, not vetoed.
    browser.get(url("/"));
    String added = add(browser, "movie", "Heat");
    assertTrue(added.startsWith("Added Heat (#2)"), "not vetoed: " + added);
    shot(browser, "index-duplicate-added");
    assertEquals(2L, fetchJson(browser, "GET", "/api/media", null).get("length"), "the duplicate was written");
    assertEquals(1, runsOf(browser, GUARD), "the disabled guard did not run again");

    // The Hooks page shows the switch still off and only the one run of the guard.
    browser.get(dashboard(""));
    guard = hookArticle(browser, GUARD);
    assertEquals("Enable", guard.findElement(By.cssSelector("form.switch button")).getText());
    assertEquals(1, guard.findElements(By.cssSelector("table.runs tr")).size() - 1, guard.getText());
  }

  @Test
  void theTesterShowsTheChangesTheAnimeHookWouldMake(WebDriver browser) {
    browser.get(dashboard("/test"));
    Select hooks = new Select(browser.findElement(By.name("hook")));
    loadsANewPage(browser, () -> hooks.selectByValue(ANIME)); // the script loads the page with its example
    WebElement box = browser.findElement(By.id("payload"));
    String example = box.getAttribute("value");
    assertTrue(example.contains("media_item"), example);
    String edited = (String) ((JavascriptExecutor) browser).executeScript("""
        const payload = JSON.parse(arguments[0]);
        payload.media_item.title = "My favourite anime";
        payload.media_item.type = "tv_show";
        return JSON.stringify(payload, null, 2);
        """, example);
    box.clear();
    box.sendKeys(edited);
    shot(browser, "test-edited");
    loadsANewPage(browser, browser.findElement(By.cssSelector("form.tester button[type=submit]"))::click);
    WebElement status = browser.findElement(By.id("status"));
    assertEquals("ok", status.getText());
    String changes = browser.findElement(By.id("changes")).getText();
    assertTrue(changes.contains("\"quality_profile\":\"Anime 1080p\"") || changes.contains("Anime 1080p"),
        changes);
    assertTrue(changes.contains("SubsPlease"), changes);
    assertTrue(browser.findElement(By.id("logs")).getText().contains("Detected anime TV show: My favourite anime"),
        browser.findElement(By.id("logs")).getText());
    assertTrue(browser.findElement(By.id("result")).getText().contains("Applied anime-specific settings"));
    assertEquals(0, server.app().mediaItems().size(), "a dry run applies nothing");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
        browser.findElement(By.id("result")));
    shot(browser, "test-result");
  }

  @Test
  void aHookWithASyntaxErrorShowsItsErrorWithItsLine(WebDriver browser) throws IOException {
    writeBrokenHook();
    restart();
    browser.get(dashboard(""));
    WebElement broken = hookArticle(browser, BROKEN);
    String error = broken.findElement(By.cssSelector("dd.load-error")).getText();
    assertTrue(error.startsWith("load error: "), error);
    assertTrue(error.contains("05_broken.lua:3"), error);
    assertFalse(broken.findElement(By.cssSelector("input.switch-box")).getAttribute("outerHTML").isEmpty());
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", broken);
    shot(browser, "hooks-load-error");
    // The other hooks still load.
    assertEquals("loaded", hookArticle(browser, GUARD).findElement(By.cssSelector("dd.ok")).getText());
  }

  @Test
  void aTimeoutChangedInSettingsIsShownOverriddenAndABadValueIsRefusedWithTheReason(WebDriver browser) {
    String key = "hooks.default_timeout_ms";
    browser.get(dashboard("/settings"));
    WebElement row = browser.findElement(By.id("setting-" + key));
    String fileValue = row.findElements(By.tagName("td")).get(2).getText();
    assertTrue(row.findElements(By.cssSelector(".overridden")).isEmpty(), "not overridden at first");
    String changed = String.valueOf(Long.parseLong(fileValue) + 2000);

    submitSetting(browser, key, changed);
    row = browser.findElement(By.id("setting-" + key));
    assertEquals("overridden", row.findElement(By.cssSelector(".overridden")).getText());
    assertEquals(changed, row.findElement(By.name(key)).getAttribute("value"));
    assertEquals(fileValue, row.findElements(By.tagName("td")).get(2).getText(), "the file's value beside it");
    assertEquals(Long.parseLong(changed), server.app().hooks().effectiveConfig().hooks().defaultTimeoutMs());
    shot(browser, "settings-overridden");

    submitSetting(browser, key, "-5");
    String refused = browser.findElement(By.id("settings-error")).getText();
    assertTrue(refused.contains(key) && refused.contains("-5") && refused.contains("greater than 0"), refused);
    shot(browser, "settings-refused-negative");

    submitSetting(browser, key, "abc");
    refused = browser.findElement(By.id("settings-error")).getText();
    assertTrue(refused.contains(key) && refused.contains("abc"), refused);
    assertEquals(Long.parseLong(changed), server.app().hooks().effectiveConfig().hooks().defaultTimeoutMs(),
        "the refused values changed nothing");
    browser.get(dashboard("/settings"));
    assertEquals(changed, browser.findElement(By.name(key)).getAttribute("value"));

    restart(); // kept in the sample's database: still in effect, and still shown overridden
    browser.get(dashboard("/settings"));
    row = browser.findElement(By.id("setting-" + key));
    assertEquals(changed, row.findElement(By.name(key)).getAttribute("value"));
    assertEquals("overridden", row.findElement(By.cssSelector(".overridden")).getText());
  }

  @Test
  void aProcessTimeoutLoweredInSettingsStopsTheNextRunOfASlowHook(WebDriver browser) throws IOException {
    Path slow = server.app().hooks().hooksDirectory().resolve("before_media_added/50_slow.sh");
    Files.writeString(slow, "#!/bin/sh\nsleep 10\necho '{}'\n");
    Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
    restart();
    String key = "hooks.process_timeout_ms";
    browser.get(dashboard("/settings"));
    submitSetting(browser, key, "400");
    assertEquals("overridden", browser.findElement(By.id("setting-" + key))
        .findElement(By.cssSelector(".overridden")).getText());

    browser.get(url("/"));
    String added = add(browser, "movie", "Heat");
    assertTrue(added.startsWith("Added Heat"), "fail-soft: the slow hook does not stop the add: " + added);
    browser.get(dashboard("/runs?status=timeout"));
    List<WebElement> stopped = browser.findElements(By.cssSelector("table.runs tr:not(:first-child)"));
    assertEquals(1, stopped.size(), browser.findElement(By.tagName("main")).getText());
    String row = stopped.get(0).getText();
    assertTrue(row.contains("before_media_added/50_slow.sh") && row.contains("400 ms"), row);
    shot(browser, "runs-timeout-after-setting");
  }

  @Test
  void theRunsPageFilteredByStatusShowsTheFailures(WebDriver browser) throws IOException {
    addWithTheBrokenHook(browser, "Heat", "Ronin");

    browser.get(dashboard("/runs"));
    List<WebElement> all = browser.findElements(By.cssSelector("table.runs tr:not(:first-child)"));
    assertTrue(all.stream().anyMatch(tr -> tr.getText().contains(GUARD)), "unfiltered, ok runs too");
    new Select(browser.findElement(By.name("status"))).selectByValue("error");
    loadsANewPage(browser, browser.findElement(By.cssSelector("form.filters button[type=submit]"))::click);
    assertTrue(browser.getCurrentUrl().contains("status=error"), browser.getCurrentUrl());
    List<WebElement> failures = browser.findElements(By.cssSelector("table.runs tr:not(:first-child)"));
    assertEquals(2, failures.size(), browser.findElement(By.tagName("main")).getText());
    for (WebElement failure : failures) {
      assertTrue(failure.getText().contains(BROKEN) && failure.getText().contains("load_error"), failure.getText());
      assertEquals("load_error", failure.getAttribute("class"));
    }
    assertEquals("error", new Select(browser.findElement(By.name("status"))).getFirstSelectedOption().getText());
    shot(browser, "runs-errors");

    // A failure's detail: its status and the error with its line.
    loadsANewPage(browser, failures.get(0).findElement(By.tagName("a"))::click);
    WebElement status = browser.findElement(By.id("status"));
    assertEquals("load_error", status.getText());
    String detail = browser.findElement(By.cssSelector("dl.run")).getText();
    assertTrue(detail.contains("05_broken.lua:3"), detail);
    shot(browser, "run-detail-load-error");

    // The Hooks page counts them among the broken hook's metrics.
    browser.get(dashboard(""));
    String metrics = hookArticle(browser, BROKEN).findElement(By.cssSelector("p.metrics")).getText();
    assertTrue(metrics.contains("errors 2"), metrics);

    // Only OK runs: none of the broken hook's.
    browser.get(dashboard("/runs?status=ok"));
    List<WebElement> ok = browser.findElements(By.cssSelector("table.runs tr:not(:first-child)"));
    assertFalse(ok.isEmpty());
    assertTrue(ok.stream().noneMatch(tr -> tr.getText().contains(BROKEN)));
  }

  @Test
  void theEventsPagesAndTheFailureCountAreShown(WebDriver browser) throws IOException {
    addWithTheBrokenHook(browser, "Heat");
    browser.get(dashboard("/events"));
    assertEquals("1", browser.findElement(By.id("failures")).getText(), "the failure count on every page");
    shot(browser, "events");
    loadsANewPage(browser, browser.findElement(By.linkText("before_media_added"))::click);
    assertTrue(browser.getTitle().contains("before_media_added"), browser.getTitle());
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("before_media_added"));
    shot(browser, "event-before_media_added");
    browser.get(dashboard("/runs")); // shows the count it had, and marks the failures seen
    browser.get(dashboard("/events"));
    assertTrue(browser.findElements(By.id("failures")).isEmpty(), "looking at Runs cleared the count");
  }


  /** Restarts with the broken hook installed and adds a movie of each title, so it fails once for each. */
  private void addWithTheBrokenHook(WebDriver browser, String... titles) throws IOException {
    writeBrokenHook();
    restart();
    browser.get(url("/"));
    for (String title : titles) {
      fetchJson(browser, "POST", "/api/media", "{\"type\": \"movie\", \"title\": \"" + title + "\"}");
    }
  }

  private void writeBrokenHook() throws IOException {
    Path file = server.app().hooks().hooksDirectory().resolve(BROKEN);
    Files.writeString(file, """
        function execute(event, context)
          return {modified = false
        end
        """);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void submitSetting(WebDriver browser, String key, String value) {
    WebElement input = browser.findElement(By.name(key));
    input.clear();
    input.sendKeys(value);
    loadsANewPage(browser, browser.findElement(By.cssSelector("form.settings button[type=submit]"))::click);
  }

  /** How many runs of a hook the dashboard's API has. */
  private int runsOf(WebDriver browser, String hook) {
    Map<String, Object> runs = fetchJson(browser, "GET", "/settings/hooks/api/runs?hook=" + hook, null);
    return ((Number) runs.get("length")).intValue();
  }

  /** A screenshot of the page as it is now, beside the harness's end-of-test one. */
  private static void shot(WebDriver browser, String name) {
    try {
      Files.createDirectories(Browser.screenshots());
      Files.write(Browser.screenshots().resolve("DashboardBrowserTest-page-" + name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
