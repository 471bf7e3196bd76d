package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hookpoint.runtime.executor.LoadedHook;
import dev.hookpoint.runtime.testing.MarkdownSamples;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every script hook in the README and {@code docs/} (a {@code sh} sample that starts with {@code #!}) runs as a real
 * process hook, in the sandbox where there is one, ends ok, and its header reads without a warning.
 */
class DocumentedScriptSamplesTest {

  @TempDir Path hooks;

  static Stream<Arguments> samples() {
    return scripts().stream().map(sample -> Arguments.of(sample.where(), sample.code()));
  }

  private static List<MarkdownSamples.Sample> scripts() {
    return MarkdownSamples.all("sh").stream().filter(sample -> sample.code().startsWith("#!")).toList();
  }

  @Test
  void theDocsHaveScriptSamples() {
    assertFalse(scripts().size() < 3, "found " + scripts().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void eachScriptSampleRunsOk(String where, String code) throws Exception {
    ProcessHarness harness = new ProcessHarness(hooks);
    LoadedHook hook = harness.load(harness.script(code));
    String warnings = hook.metadata().warnings().toString();
    if (harness.executor.sandboxName().equals("bwrap")) {
      assertEquals("[]", warnings, where);
    }
    ProcessHarness.Outcome outcome = harness.run(hook, ProcessHarness.event(), 5_000);
    assertEquals("ok", outcome.category(), () -> where + ": " + outcome.failure());
  }
}
