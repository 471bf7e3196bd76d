package dev.hookpoint.runtime.discovery;

import dev.hookpoint.runtime.executor.HookFile;
import java.util.Comparator;

/**
 * The order hooks of one event run in: by numeric prefix ({@code 2_b} before {@code 10_a}), files without a
 * prefix after those with one, then by name.
 */
public final class HookOrder implements Comparator<HookFile> {

  public static final HookOrder INSTANCE = new HookOrder();

  private HookOrder() {}

  @Override
  public int compare(HookFile a, HookFile b) {
    int orderA = a.order() < 0 ? Integer.MAX_VALUE : a.order();
    int orderB = b.order() < 0 ? Integer.MAX_VALUE : b.order();
    if (orderA != orderB) {
      return Integer.compare(orderA, orderB);
    }
    return a.fileName().compareTo(b.fileName());
  }
}
