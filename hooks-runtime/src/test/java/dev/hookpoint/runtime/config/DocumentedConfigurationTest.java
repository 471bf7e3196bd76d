package dev.hookpoint.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hookpoint.runtime.testing.MarkdownSamples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration the docs show is configuration the loader accepts, and the "every key" list is the defaults. */
class DocumentedConfigurationTest {

  @Test
  void everyYamlSampleInTheDocsIsAValidConfiguration() {
    List<MarkdownSamples.Sample> samples = MarkdownSamples.all("yaml");
    assertFalse(samples.isEmpty());
    for (MarkdownSamples.Sample sample : samples) {
      try {
        ConfigLoader.parse(sample.code(), sample.where(), Map.of());
      } catch (ConfigException e) {
        throw new AssertionError(sample.where() + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void theListOfEveryKeyIsExactlyTheDefaults() {
    MarkdownSamples.Sample everyKey = MarkdownSamples.all("yaml").stream()
        .filter(sample -> sample.where().startsWith("docs/configuration.md")).findFirst().orElseThrow();
    assertEquals(HookpointConfig.defaults(), ConfigLoader.parse(everyKey.code(), everyKey.where(), Map.of()));
  }
}
