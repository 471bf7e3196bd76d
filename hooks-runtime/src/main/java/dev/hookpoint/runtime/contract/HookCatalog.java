package dev.hookpoint.runtime.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The hook points of one compilation unit. The annotation processor generates implementations and registers them
 * under {@code META-INF/services/dev.hookpoint.runtime.contract.HookCatalog}.
 */
public interface HookCatalog {

  /** The hook points this catalog describes. */
  List<HookPointDescriptor<?, ?>> hookPoints();

  /**
   * Every hook point of every catalog the class loader can see, sorted by name. When two catalogs describe the
   * same event, the first one found wins.
   */
  static List<HookPointDescriptor<?, ?>> loadAll(ClassLoader loader) {
    List<HookCatalog> catalogs = new ArrayList<>();
    ServiceLoader.load(HookCatalog.class, loader).forEach(catalogs::add);
    return merge(catalogs);
  }

  /** The hook points of the given catalogs, sorted by name, the first of each name kept. */
  static List<HookPointDescriptor<?, ?>> merge(List<? extends HookCatalog> catalogs) {
    Map<String, HookPointDescriptor<?, ?>> byName = new LinkedHashMap<>();
    for (HookCatalog catalog : catalogs) {
      for (HookPointDescriptor<?, ?> point : catalog.hookPoints()) {
        byName.putIfAbsent(point.name(), point);
      }
    }
    List<HookPointDescriptor<?, ?>> points = new ArrayList<>(byName.values());
    points.sort(Comparator.comparing(HookPointDescriptor::name));
    return List.copyOf(points);
  }
}
