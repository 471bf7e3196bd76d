package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookpoint.runtime.executor.HookFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A syntax error names the line and the token in words, never LuaJ's token number. */
class SyntaxMessagesTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "function execute(event)\\n  return {                      | 2 | unexpected end of file: is an 'end', a closing bracket or a quote missing?",
      "function execute(event)\\n  return { modified = end\\n    | 2 | unexpected 'end'",
      "local x = = 1                                             | 1 | unexpected '='",
      "local x = 1 +\\nthen                                      | 2 | unexpected 'then'"})
  void aSyntaxErrorNamesTheTokenInWords(String source, int line, String expected) {
    HookFailure failure = new LuaHarness(dir).run(source.replace("\\n", "\n").strip()).failure();
    assertEquals(line, failure.line(), failure.getMessage());
    assertEquals("syntax error: " + expected, failure.getMessage().replaceAll(" near .*$", ""));
  }
}
