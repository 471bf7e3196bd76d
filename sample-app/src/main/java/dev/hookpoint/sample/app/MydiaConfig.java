package dev.hookpoint.sample.app;

import dev.hookpoint.runtime.config.ConfigException;
import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.config.HookpointConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The app's configuration file: Hookpoint's sections, and the app's own {@code database} section, which the runtime
 * leaves to the app. The app's layout is its own decision: the database in {@code data/mydia.db}, and a relative
 * {@code hooks.directory} beside it ({@code data/hooks} by default), the hook switches and runs in the same database.
 *
 * @param databasePath the database file, relative to the working directory
 * @param hookpoint the runtime's configuration
 */
public record MydiaConfig(String databasePath, HookpointConfig hookpoint) {

  public static final String DEFAULT_DATABASE = "data/mydia.db";
  /** Overrides {@code database.path}, as {@code HOOKPOINT_*} variables override the runtime's keys. */
  public static final String DATABASE_VARIABLE = "HOOKPOINT_DATABASE_PATH";

  /** The app's defaults around a runtime configuration read elsewhere. */
  public static MydiaConfig of(HookpointConfig hookpoint) {
    return new MydiaConfig(DEFAULT_DATABASE, hookpoint);
  }

  /** Reads the file (the defaults when it is missing) and the environment's overrides. */
  public static MydiaConfig load(Path file, Map<String, String> environment) {
    HookpointConfig hookpoint = ConfigLoader.load(file, environment, Set.of("database"));
    Map<String, Object> section = ConfigLoader.hostSection(file, "database");
    for (String key : section.keySet()) {
      if (!key.equals("path")) {
        throw new ConfigException(file + ": unknown key 'database." + key + "'; the keys under 'database' are path");
      }
    }
    Object path = environment.containsKey(DATABASE_VARIABLE) ? environment.get(DATABASE_VARIABLE)
        : section.getOrDefault("path", DEFAULT_DATABASE);
    if (!(path instanceof String text) || text.isBlank()) {
      throw new ConfigException(file + ": 'database.path' = " + path + " is not a file name");
    }
    return new MydiaConfig(text, hookpoint);
  }
}
