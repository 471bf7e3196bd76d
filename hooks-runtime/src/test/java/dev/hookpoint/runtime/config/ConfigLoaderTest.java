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
    assertEquals("", config.store().path(), "the framework's defaults know no host's database");
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
  void backgroundDeliveryIsDurableOrMemoryAndItsLimitsAreChecked() {
    HookpointConfig config = ConfigLoader.parse("hooks:\n  async:\n    delivery: durable\n    retries: 0\n",
        "config.yaml", Map.of());
    assertEquals(HookpointConfig.Delivery.DURABLE, config.hooks().async().delivery());
    assertEquals(0, config.hooks().async().retries());
    assertEquals(HookpointConfig.Delivery.AUTO, HookpointConfig.defaults().hooks().async().delivery());
    assertEquals(3, HookpointConfig.defaults().hooks().async().retries());
    assertTrue(failure("hooks:\n  async:\n    retries: -1\n").getMessage().contains("'hooks.async.retries'"));
    assertTrue(failure("hooks:\n  async:\n    threads: 0\n").getMessage().contains("'hooks.async.threads'"));
    assertTrue(failure("hooks:\n  async:\n    delivery: disk\n").getMessage().contains("'hooks.async.delivery'"));
  }

  @Test
  void unknownKeyNamesTheKeyTheLineAndTheKnownKeys() {
    ConfigException error = failure("store:\n  path: x.db\nhooks:\n  enabled: true\n  timout_ms: 5\n");
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
  void aDashboardUserWithoutAPasswordIsRefusedNamingBoth() {
    ConfigException error = failure("hooks:\n  dashboard:\n    user: ops\n");
    assertEquals("config.yaml:3: 'hooks.dashboard.user' is set but 'hooks.dashboard.password' is empty; set both, "
        + "or neither", error.getMessage());
  }

  @Test
  void theDashboardTokenComesFromTheEnvironmentAndIsNotPrinted() {
    HookpointConfig config = ConfigLoader.parse("", "config.yaml", Map.of("HOOKPOINT_HOOKS_DASHBOARD_TOKEN", "s3cret"));
    assertEquals("s3cret", config.hooks().dashboard().token());
    assertEquals(true, config.hooks().dashboard().secured());
    assertEquals(false, config.toString().contains("s3cret"));
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
  void relativeHooksDirectoryResolvesAgainstTheBaseDirectoryWithNoDatabaseInvolved() {
    HookpointConfig config = ConfigLoader.parse("hooks:\n  directory: config/hooks\n", "config.yaml", Map.of());
    assertEquals(dir.resolve("config/hooks"), config.hooksDirectory(dir));
    assertEquals(dir.resolve("hooks"), HookpointConfig.defaults().hooksDirectory(dir));
    HookpointConfig absolute = ConfigLoader.parse("hooks:\n  directory: /srv/hooks\n", "config.yaml", Map.of());
    assertEquals(Path.of("/srv/hooks"), absolute.hooksDirectory(dir));
  }

  @Test
  void theDefaultStoreFileIsBesideTheHooksDirectoryNotInIt() {
    assertEquals(dir.resolve("hooks.db"), HookpointConfig.defaults().storeFile(dir));
    HookpointConfig custom = ConfigLoader.parse("hooks:\n  directory: /srv/my-hooks\n", "config.yaml", Map.of());
    assertEquals(Path.of("/srv/my-hooks.db"), custom.storeFile(dir));
    HookpointConfig given = ConfigLoader.parse("store:\n  path: state/hooks.sqlite\n", "config.yaml",
        Map.of("HOOKPOINT_HOOKS_DIRECTORY", "/srv/hooks"));
    assertEquals(dir.resolve("state/hooks.sqlite"), given.storeFile(dir));
  }

  @Test
  void aHostsOwnSectionIsLeftToTheHostAndEveryOtherUnknownKeyStillFails() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), "database:\n  path: data/app.db\n"
        + "hooks:\n  hot_reload: false\nextra: 1\n");
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(file, Map.of(), java.util.Set.of("database")));
    assertEquals(file + ":5: unknown key 'extra'; the keys at the top level are store, hooks", unknown.getMessage());
    Files.writeString(file, "database:\n  path: data/app.db\nhooks:\n  hot_reload: false\n");
    assertEquals(false, ConfigLoader.load(file, Map.of(), java.util.Set.of("database")).hooks().hotReload());
    assertEquals(Map.of("path", "data/app.db"), ConfigLoader.hostSection(file, "database"));
    assertEquals(Map.of(), ConfigLoader.hostSection(dir.resolve("absent.yaml"), "database"));
    assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()), "not the runtime's key");
  }

  @Test
  void loadReadsTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), "hooks:\n  hot_reload: false\n");
    assertEquals(false, ConfigLoader.load(file, Map.of()).hooks().hotReload());
  }
}
