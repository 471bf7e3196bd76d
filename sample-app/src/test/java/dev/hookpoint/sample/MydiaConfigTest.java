package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookpoint.runtime.config.ConfigException;
import dev.hookpoint.sample.app.MydiaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's own database section sits in the runtime's file, checked as strictly, with the app's defaults. */
class MydiaConfigTest {

  @TempDir Path dir;

  @Test
  void theAppsDefaultsAreItsOwn() {
    MydiaConfig config = MydiaConfig.load(dir.resolve("absent.yaml"), Map.of());
    assertEquals("data/mydia.db", config.databasePath());
  }

  @Test
  void theDatabaseSectionIsTheAppsAndTheRestIsTheRuntimes() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), "database:\n  path: other/app.db\nhooks:\n"
        + "  hot_reload: false\n");
    MydiaConfig config = MydiaConfig.load(file, Map.of());
    assertEquals("other/app.db", config.databasePath());
    assertFalse(config.hookpoint().hooks().hotReload());
    assertEquals("/srv/mydia.db",
        MydiaConfig.load(file, Map.of(MydiaConfig.DATABASE_VARIABLE, "/srv/mydia.db")).databasePath());
  }

  @Test
  void anUnknownDatabaseKeyIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), "database:\n  pth: x.db\n");
    ConfigException error = assertThrows(ConfigException.class, () -> MydiaConfig.load(file, Map.of()));
    assertEquals(file + ": unknown key 'database.pth'; the keys under 'database' are path", error.getMessage());
  }
}
