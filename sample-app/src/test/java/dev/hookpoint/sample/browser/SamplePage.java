package dev.hookpoint.sample.browser;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do on the sample app's pages: its add form, and the page's own fetch of its server. */
final class SamplePage {

  private SamplePage() {}

  /** Fills the index page's form and waits for the answer in its message line. */
  static String add(WebDriver browser, String type, String title) {
    WebElement message = browser.findElement(By.id("message"));
    String before = message.getText();
    new Select(browser.findElement(By.name("type"))).selectByValue(type);
    WebElement titleField = browser.findElement(By.name("title"));
    titleField.clear();
    titleField.sendKeys(title);
    browser.findElement(By.cssSelector("#add-media button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("message"), before)));
    return message.getText();
  }

  /**
   * Does something that loads a new page, and waits until the new one has loaded. The old page carries a mark
   * in its window that the new one does not; waiting on an old element going stale instead raced the
   * navigation in Chromium ("stale element" or "node does not belong to the document" while it swapped pages).
   */
  static void loadsANewPage(WebDriver browser, Runnable action) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript("window.hookpointOldPage = true;");
    action.run();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(WebDriverException.class)
        .until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
            "return window.hookpointOldPage === undefined && document.readyState === 'complete';"));
  }

  /** The page's own fetch of a path of its server: status, JSON body and, for an array, its length. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> fetchJson(WebDriver browser, String method, String path, String body) {
    return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
        const [method, path, body, done] = arguments;
        fetch(path, {method, headers: {"Content-Type": "application/json"}, body: body ?? undefined})
          .then(async response => {
            const json = await response.json();
            done({status: response.status, body: json, length: Array.isArray(json) ? json.length : null});
          })
          .catch(error => done({status: -1, body: String(error), length: null}));
        """, method, path, body);
  }
}
