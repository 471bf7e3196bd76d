package dev.hookpoint.sample.browser;

import static dev.hookpoint.sample.browser.SamplePage.add;
import static dev.hookpoint.sample.browser.SamplePage.fetchJson;
import static dev.hookpoint.sample.browser.SamplePage.loadsANewPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.sample.SampleServer;
import dev.hookpoint.sample.app.Mydia;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The sample app's index page in a real Chromium, against the real server on a free port, a temp SQLite database
 * and the example hooks: the anime hook's changes and the duplicate guard's veto as an operator sees them.
 */
@BrowserTest
class IndexPageBrowserTest {

  @TempDir Path dir;
  private SampleServer server;

  @BeforeEach
  void start() {
    server = SampleServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String index() {
    return server.url("/");
  }


  @Test
  void theIndexPageLinksTheApiAndOffersTheForm(WebDriver browser) {
    browser.get(index());
    assertEquals("Mydia sample", browser.getTitle());
    assertEquals("Mydia sample (Hookpoint)", browser.findElement(By.tagName("h1")).getText());
    List<String> links = browser.findElements(By.cssSelector("ul a")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("/api/media", "/api/downloads", "/api/events", "/api/hooks", "/api/hooks/runs"), links);
    assertTrue(browser.findElement(By.id("add-media")).isDisplayed());
    loadsANewPage(browser, browser.findElement(By.linkText("/api/hooks"))::click);
    assertTrue(browser.getPageSource().contains("before_media_added/01_reject_duplicates.lua"),
        browser.getPageSource());
  }

  @Test
  void addingAnAnimeInThePageShowsTheSettingsTheHookChanged(WebDriver browser) {
    browser.get(index());
    String message = add(browser, "tv_show", "Attack on Titan");
    assertEquals("Added Attack on Titan (#1), quality profile Anime 1080p", message);
    String result = browser.findElement(By.id("result")).getText();
    assertTrue(result.contains("\"preferred_release_groups\"") && result.contains("SubsPlease"), result);
  }

  @Test
  void aDuplicateShowsTheVetoNamingTheHook(WebDriver browser) {
    browser.get(index());
    add(browser, "tv_show", "Attack on Titan");
    String veto = add(browser, "tv_show", "Attack on Titan");
    assertTrue(veto.startsWith("Vetoed by Duplicate guard (before_media_added/01_reject_duplicates.lua): "), veto);
    assertTrue(browser.findElement(By.id("result")).getText().contains("\"error\": \"vetoed\""));
    assertEquals(1L, fetchJson(browser, "GET", "/api/media", null).get("length"), "nothing was written");
  }

  @Test
  void theJsonApiAnswersTheBrowsersOwnFetch(WebDriver browser) {
    browser.get(index());
    Map<String, Object> created = fetchJson(browser, "POST", "/api/media", "{\"type\": \"movie\", \"title\": \"Heat\"}");
    assertEquals(201L, created.get("status"));
    Map<String, Object> duplicate = fetchJson(browser, "POST", "/api/media", "{\"type\": \"movie\", \"title\": \"Heat\"}");
    assertEquals(409L, duplicate.get("status"));
    assertEquals("Duplicate guard", ((Map<?, ?>) duplicate.get("body")).get("hook"));
    assertEquals(400L, fetchJson(browser, "POST", "/api/media", "{\"type\": \"series\", \"title\": \"X\"}")
        .get("status"));
    assertEquals(6L, fetchJson(browser, "GET", "/api/hooks", null).get("length"));
  }
}
