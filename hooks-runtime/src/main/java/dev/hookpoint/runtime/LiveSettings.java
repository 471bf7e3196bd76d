package dev.hookpoint.runtime;

import dev.hookpoint.runtime.config.ConfigException;
import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.history.HookStateStore;
import dev.hookpoint.runtime.history.StoreException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings an operator changes while the host runs: checked by the configuration file's rules, kept in the
 * state store so they outlive a restart, and published as the configuration every run reads.
 */
final class LiveSettings {

  private static final Logger LOG = LoggerFactory.getLogger(LiveSettings.class);

  private final HookpointConfig file;
  private final AtomicReference<HookpointConfig> effective;
  private final HookStateStore store;
  private final Map<String, String> overrides = new TreeMap<>();

  /**
   * @param effective what the executors and the runner read at each run; set here
   */
  LiveSettings(HookpointConfig file, AtomicReference<HookpointConfig> effective, HookStateStore store) {
    this.file = file;
    this.effective = effective;
    this.store = store;
  }

  HookpointConfig effective() {
    return effective.get();
  }

  synchronized Map<String, String> overrides() {
    return Map.copyOf(overrides);
  }

  /**
   * Takes up what the store kept from before. A stored value the file's rules no longer accept (the file changed
   * since, say a lower {@code hooks.max_timeout_ms}) is dropped with a warning, and the others kept: the host
   * starts either way.
   */
  synchronized void restore() {
    Map<String, String> stored;
    try {
      stored = store.settings();
    } catch (StoreException e) {
      LOG.warn("cannot read the settings changed while running ({}); using the file's", e.getMessage());
      return;
    }
    Map<String, String> kept = new TreeMap<>();
    for (Map.Entry<String, String> setting : new TreeMap<>(stored).entrySet()) {
      Map<String, String> tried = new TreeMap<>(kept);
      tried.put(setting.getKey(), setting.getValue());
      String refused = refusal(tried);
      if (refused == null) {
        kept = tried;
      } else {
        LOG.warn("dropping the stored setting {} = {}: {}", setting.getKey(), setting.getValue(), refused);
      }
    }
    if (!kept.isEmpty()) {
      apply(kept, configWith(kept));
      LOG.info("settings changed while running before, still in effect: {}", kept);
    }
  }

  /** Checks the changes with those made before, stores them, then publishes them; a bad one changes nothing. */
  synchronized HookpointConfig change(Map<String, String> values) {
    List<String> fixed = notLive(values);
    if (!fixed.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", fixed) + (fixed.size() == 1 ? " is" : " are")
          + " read at start only: change it in the configuration file; live are "
          + HookRuntime.LIVE_SETTINGS.stream().sorted().collect(Collectors.joining(", ")));
    }
    Map<String, String> next = new TreeMap<>(overrides);
    values.forEach((key, value) -> {
      if (value == null || value.isBlank()) {
        next.remove(key);
      } else {
        next.put(key, value.strip());
      }
    });
    HookpointConfig changed = configWith(next);
    store.saveSettings(next); // first: when the store fails, nothing changed
    apply(next, changed);
    LOG.info("settings changed while running: {}", next.isEmpty() ? "none (the file's)" : next);
    return changed;
  }

  private void apply(Map<String, String> next, HookpointConfig changed) {
    overrides.clear();
    overrides.putAll(next);
    effective.set(changed);
  }

  private HookpointConfig configWith(Map<String, String> values) {
    try {
      return ConfigLoader.withValues(file, values, "live setting");
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The keys among {@code values} that are read at start only, sorted. */
  private static List<String> notLive(Map<String, String> values) {
    return values.keySet().stream().filter(key -> !HookRuntime.LIVE_SETTINGS.contains(key)).sorted().toList();
  }

  /** Why the file's rules refuse these values, or {@code null}; keys that are not live are refused too. */
  private String refusal(Map<String, String> values) {
    if (!notLive(values).isEmpty()) {
      return "it cannot change while the host runs";
    }
    try {
      configWith(values);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
