package dev.hookpoint.sample.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose tests each get a fresh headless Chromium ({@link Browser}) as a {@code WebDriver} parameter.
 * Tagged {@code browser} (leave them out with {@code -DexcludedGroups=browser}); each test is stopped after 60
 * seconds on a thread of its own, so even a browser that hangs past Selenium's own timeouts ends the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(Browser.class)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public @interface BrowserTest {}
