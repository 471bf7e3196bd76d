package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.config.HookpointConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which sandbox hooks.process.sandbox gives, on a machine with and without bubblewrap. */
class SandboxChoiceTest {

  private static HookpointConfig.Process config(String sandbox) {
    return ConfigLoader.parse("hooks:\n  process:\n    sandbox: " + sandbox + "\n", "test.yaml", Map.of())
        .hooks().process();
  }

  private static Optional<Path> noBwrap(String name) {
    return name.equals("bwrap") ? Optional.empty() : Optional.of(Path.of("/usr/bin", name));
  }

  @Test
  void autoWithoutBubblewrapFallsBackToNoneAndSaysHowToInstallIt() {
    Sandboxes.Choice choice = Sandboxes.choose(config("auto"), SandboxChoiceTest::noBwrap);
    assertEquals("none", choice.sandbox().name());
    assertTrue(choice.why().contains("bubblewrap not found: apt-get install bubblewrap"), choice.why());
  }

  @Test
  void bwrapAskedForButMissingStopsTheStartWithTheFix() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Sandboxes.choose(config("bwrap"), SandboxChoiceTest::noBwrap));
    assertTrue(e.getMessage().contains("hooks.process.sandbox is bwrap, but bubblewrap not found: apt-get install "
        + "bubblewrap"), e.getMessage());
  }

  @Test
  void autoWithABubblewrapThatCannotRunFallsBackToNoneWithTheProbesReason() {
    Sandboxes.Choice choice = Sandboxes.choose(config("auto"),
        name -> Optional.of(name.equals("bwrap") ? Path.of("/bin/false") : Path.of("/usr/bin", name)));
    assertEquals("none", choice.sandbox().name());
    assertTrue(choice.why().startsWith("a probe run of bubblewrap failed (exit 1)"), choice.why());
  }

  @Test
  void noneIsNoneWhateverIsInstalled() {
    assertEquals("none", Sandboxes.choose(config("none"), name -> Optional.of(Path.of("/usr/bin", name)))
        .sandbox().name());
  }

  @Test
  void anUnknownSandboxIsAConfigErrorListingTheChoices() {
    Exception e = assertThrows(Exception.class, () -> config("docker"));
    assertTrue(e.getMessage().contains("'hooks.process.sandbox' = \"docker\" is not one of: auto, bwrap, none"),
        e.getMessage());
  }
}
