package dev.hookpoint.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  private static ConfigException failure(String yaml) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "config.yaml", Map.of()));
  }

  @Test
  void missingFileMeansTheDocumentedDefaults() {
    HookpointConfig config = ConfigLoader.load(dir.resolve("absent.yaml"), Map.of());
    assertEquals(HookpointConfig.defaults(), config);
    assertEquals("data/mydia.db", config.database().path());
    assertEquals(5_000, config.hooks().defaultTimeoutMs());
    assertEquals(30_000, config.hooks().processTimeoutMs());
    assertEquals(30_000, config.hooks().maxTimeoutMs());
  }

  @Test
  void givenKeysOverrideAndTheRestStayDefault() {
    HookpointConfig config = ConfigLoader.parse("hooks:\n  default_timeout_ms: 2000\n  async:\n"
        + "    when_full: caller_runs\n", "config.yaml", Map.of());
    assertEquals(2_000, config.hooks().defaultTimeoutMs());
    assertEquals(HookpointConfig.WhenFull.CALLER_RUNS, config.hooks().async().whenFull());
    assertEquals(HookpointConfig.defaults().hooks().async().poolSize(), config.hooks().async().poolSize());
  }

  @Test
  void unknownKeyNamesTheKeyTheLineAndTheKnownKeys() {
    ConfigException error = failure("database:\n  path: x.db\nhooks:\n  enabled: true\n  timout_ms: 5\n");
    assertTrue(error.getMessage().startsWith("config.yaml:5: unknown key 'hooks.timout_ms'; the keys under "
        + "'hooks' are enabled, directory, hot_reload, default_timeout_ms"), error.getMessage());
  }

  @Test
  void wrongTypeNamesTheKeyTheValueAndTheLine() {
    ConfigException error = failure("hooks:\n  default_timeout_ms: soon\n");
    assertEquals("config.yaml:2: 'hooks.default_timeout_ms' = \"soon\" is not a whole number", error.getMessage());
  }

  @Test
  void booleansAreNotGuessedFromNumbers() {
    ConfigException error = failure("hooks:\n  enabled: 1\n");
    assertEquals("config.yaml:2: 'hooks.enabled' = 1 is not a boolean (true or false)", error.getMessage());
  }

  @Test
  void defaultAboveMaximumIsRejectedNamingBoth() {
    ConfigException error = failure("hooks:\n  default_timeout_ms: 60000\n  max_timeout_ms: 30000\n");
    assertEquals("config.yaml:2: 'hooks.default_timeout_ms' = 60000 must not exceed 'hooks.max_timeout_ms' = "
        + "30000 (config.yaml:3)", error.getMessage());
  }

  @Test
  void untouchedDefaultsAboveALoweredMaximumAreCappedNotRejected() {
    HookpointConfig config = ConfigLoader.parse("hooks:\n  max_timeout_ms: 1000\n  default_timeout_ms: 500\n",
        "config.yaml", Map.of());
    assertEquals(30_000, config.hooks().processTimeoutMs(), "capped when a hook runs, not an error");
  }

  @Test
  void negativeLimitsAreRejected() {
    ConfigException error = failure("hooks:\n  async:\n    queue_capacity: -5\n");
    assertEquals("config.yaml:3: 'hooks.async.queue_capacity' = -5 must be greater than 0", error.getMessage());
  }

  @Test
  void symlinksAreAllowedAndHookFilesAreCappedAtEightMebibytesByDefault() {
    HookpointConfig.Hooks hooks = HookpointConfig.defaults().hooks();
    assertTrue(hooks.allowSymlinks());
    assertEquals(8L * 1024 * 1024, hooks.maxFileBytes());
    HookpointConfig.Hooks set = ConfigLoader.parse("hooks:\n  allow_symlinks: false\n  max_file_bytes: 1024\n",
        "config.yaml", Map.of()).hooks();
    assertEquals(false, set.allowSymlinks());
    assertEquals(1024, set.maxFileBytes());
  }

  @Test
  void maxFileBytesMustBePositiveAndFitInOneArray() {
    assertEquals("config.yaml:2: 'hooks.max_file_bytes' = 0 must be greater than 0",
        failure("hooks:\n  max_file_bytes: 0\n").getMessage());
    assertEquals("config.yaml:2: 'hooks.max_file_bytes' = 4294967296 must not exceed 1073741824 (1 GiB): hooks "
        + "are read into memory whole", failure("hooks:\n  max_file_bytes: 4294967296\n").getMessage());
  }

  @Test
  void everyProblemIsInTheOneMessage() {
    ConfigException error = failure("hooks:\n  max_timeout_ms: 0\n  lua:\n    max_instructions: 0\n");
    assertEquals(2, error.getMessage().lines().filter(line -> line.contains("must be greater than 0")).count(),
        error.getMessage());
  }

  @Test
  void invalidYamlIsReported() {
    ConfigException error = failure("hooks: [unclosed\n");
    assertTrue(error.getMessage().startsWith("config.yaml: not valid YAML"), error.getMessage());
  }

  @Test
  void environmentOverridesOneValueAndIsNamedInErrors() {
    HookpointConfig config = ConfigLoader.parse("", "config.yaml",
        Map.of("HOOKPOINT_HOOKS_DIRECTORY", "/data/hooks", "HOOKPOINT_HOOKS_ENABLED", "false",
            "HOOKPOINT_HOOKS_LUA_HTTP_ALLOW_HOSTS", "a.example, b.example"));
    assertEquals("/data/hooks", config.hooks().directory());
    assertEquals(false, config.hooks().enabled());
    assertEquals(List.of("a.example", "b.example"), config.hooks().lua().http().allowHosts());
    ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.parse("", "config.yaml",
        Map.of("HOOKPOINT_HOOKS_MAX_TIMEOUT_MS", "lots")));
    assertEquals("environment variable HOOKPOINT_HOOKS_MAX_TIMEOUT_MS: 'hooks.max_timeout_ms' = 'lots' is not a "
        + "whole number", error.getMessage());
  }

  @Test
  void processEnvIsTheUsersOwnMap() {
    HookpointConfig config = ConfigLoader.parse("hooks:\n  process:\n    env:\n      PLEX_TOKEN: abc\n",
        "config.yaml", Map.of());
    assertEquals(Map.of("PLEX_TOKEN", "abc"), config.hooks().process().env());
  }

  @Test
  void relativeHooksDirectoryResolvesAgainstTheDatabaseDirectory() throws Exception {
    HookpointConfig config = ConfigLoader.parse("database:\n  path: config/mydia.db\nhooks:\n  directory: hooks\n",
        "config.yaml", Map.of());
    assertEquals(dir.resolve("config/hooks"), config.hooksDirectory(dir));
    HookpointConfig absolute = ConfigLoader.parse("hooks:\n  directory: /srv/hooks\n", "config.yaml", Map.of());
    assertEquals(Path.of("/srv/hooks"), absolute.hooksDirectory(dir));
  }

  @Test
  void loadReadsTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), "hooks:\n  hot_reload: false\n");
    assertEquals(false, ConfigLoader.load(file, Map.of()).hooks().hotReload());
  }
}
