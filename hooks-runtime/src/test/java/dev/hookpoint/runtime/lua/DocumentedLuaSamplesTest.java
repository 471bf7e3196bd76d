package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * Every Lua sample in the README and {@code docs/} runs in the real sandbox on the design's §7.1 event and ends
 * {@code ok}; a sample that is only a {@code hook = {...}} table loads, metadata and all.
 */
class DocumentedLuaSamplesTest {

  @TempDir Path dir;

  static Stream<Arguments> samples() {
    return MarkdownSamples.all("lua").stream().map(sample -> Arguments.of(sample.where(), sample.code()));
  }

  @Test
  void theDocsHaveLuaSamples() {
    List<MarkdownSamples.Sample> samples = MarkdownSamples.all("lua");
    assertFalse(samples.size() < 5, "found " + samples.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void eachLuaSampleRunsOk(String where, String code) throws Exception {
    LuaHarness lua = new LuaHarness(dir);
    if (!code.contains("execute") && !code.contains("return")) {
      lua.load(code);
      return;
    }
    LuaHarness.Outcome outcome = lua.run(code);
    assertEquals("ok", outcome.category(), where + ": " + (outcome.failure() == null ? ""
        : outcome.failure().getMessage()));
  }
}
