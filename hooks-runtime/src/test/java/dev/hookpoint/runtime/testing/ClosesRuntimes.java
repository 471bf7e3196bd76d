package dev.hookpoint.runtime.testing;

import dev.hookpoint.runtime.HookRuntime;
import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes every {@link HookRuntime} a test left in a field of its instance, after each test: its reloader, watchdog
 * and background threads end with the test. A test that started none leaves the field {@code null}.
 */
public final class ClosesRuntimes implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) throws IllegalAccessException {
    Object test = context.getRequiredTestInstance();
    for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType() == HookRuntime.class) {
          field.setAccessible(true);
          HookRuntime runtime = (HookRuntime) field.get(test);
          if (runtime != null) {
            runtime.close();
          }
        }
      }
    }
  }
}
