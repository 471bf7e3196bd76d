package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook contract: both hook shapes, metadata, the seed's anime example, errors with file and line. */
class LuaHookContractTest {

  static final String ANIME = """
      function execute(event, context)
        local media = event.media_item

        if media.type ~= "tv_show" then
          return {modified = false}
        end

        local title_lower = string.lower(media.title)
        local is_anime = string.find(title_lower, "anime") ~= nil
                      or string.find(title_lower, "attack on titan") ~= nil

        if not is_anime then
          return {modified = false}
        end

        log.info("Detected anime TV show: " .. media.title)

        return {
          modified = true,
          changes = {
            media_item = {
              quality_profile = "Anime 1080p",
              preferred_release_groups = {"SubsPlease", "Erai-raws", "HorribleSubs"},
              search_settings = {
                prefer_subbed = true,
                exclude_dubbed = true
              }
            }
          },
          message = "Applied anime-specific settings"
        }
      end
      """;

  @TempDir Path dir;

  @Test
  void theSeedsAnimeExampleRunsVerbatimAndProducesItsChanges() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run(ANIME);
    assertEquals("ok", outcome.category(), String.valueOf(outcome.failure()));
    assertEquals(Map.of(
        "modified", true,
        "changes", Map.of("media_item", Map.of(
            "quality_profile", "Anime 1080p",
            "preferred_release_groups", List.of("SubsPlease", "Erai-raws", "HorribleSubs"),
            "search_settings", Map.of("prefer_subbed", true, "exclude_dubbed", true))),
        "message", "Applied anime-specific settings"), outcome.result());
    assertEquals(List.of("INFO Detected anime TV show: Attack on Titan"), outcome.logs());
  }

  @Test
  void mydiaStyleHooksReadEventDataAndReturnTheirResult() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("""
        function execute(event_data)
          local media = event_data.data.media_item
          return { modified = true, changes = { data = { media_item = { quality_profile = media.title } } } }
        end
        return execute(event)
        """);
    assertEquals(Map.of("modified", true, "changes",
        Map.of("data", Map.of("media_item", Map.of("quality_profile", "Attack on Titan")))), outcome.result());
  }

  @Test
  void globalsEventAndContextAreThereForChunkStyleHooks() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run(
        "return { message = event.event .. ' ' .. tostring(context.user_id) .. ' ' .. event.data.media_item.title }");
    assertEquals(Map.of("message", "after_media_added 1 Attack on Titan"), outcome.result());
  }

  @Test
  void aHookWithNeitherExecuteNorAResultSaysWhatIsMissing() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("local x = 1");
    assertEquals("execution_error", outcome.category());
    assertTrue(outcome.failure().getMessage().contains("define function execute(event, context)"));
  }

  @Test
  void metadataComesFromTheHookTableWithoutRunningTheHook() throws HookFailure {
    LuaHarness harness = new LuaHarness(dir);
    HookMetadata metadata = harness.load("""
        -- a comment with { braces }
        hook = {
          name = "Anime Settings Adjuster",
          description = [[Adjusts {quality} for anime]],
          author = "username",
          version = "1.0.0",
          timeout_ms = 2000,
        }
        error("never runs at load time")
        """).metadata();
    assertEquals(new HookMetadata("Anime Settings Adjuster", "Adjusts {quality} for anime", "username", "1.0.0",
        2000L), metadata);
    assertEquals("01_x.lua", HookMetadata.named("01_x.lua").name());
  }

  @Test
  void metadataThatIsNotPlainDataIsALoadError() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("hook = { name = os.getenv('HOME') }\nreturn {}");
    assertEquals("load_error", outcome.category());
    assertEquals(1, outcome.failure().line());
  }

  @Test
  void retriesInTheHookTableMustBeAWholeNumberOfZeroOrMore() throws HookFailure {
    LuaHarness lua = new LuaHarness(dir);
    assertEquals(1, lua.load("hook = { retries = 1 }\nreturn {}").metadata().retries(3));
    assertEquals(3, lua.load("hook = { retries = 7 }\nreturn {}").metadata().retries(3), "never raised");
    for (String bad : new String[] {"-1", "1.5", "'twice'"}) {
      LuaHarness.Outcome outcome = lua.run("hook = { retries = " + bad + " }\nreturn {}");
      assertEquals("load_error", outcome.category(), bad);
      assertTrue(outcome.failure().getMessage().startsWith("hook.retries must be a whole number, 0 or more"),
          outcome.failure().getMessage());
    }
  }

  @Test
  void aLuaHeaderAskingForAProcessSandboxIsAWarningAtItsLine() throws HookFailure {
    LuaHarness lua = new LuaHarness(dir);
    HookMetadata metadata = lua.load("-- name: Quiet\n-- network: false\nreturn {}").metadata();
    assertEquals(1, metadata.warnings().size(), metadata.warnings()::toString);
    assertEquals(2, metadata.warnings().get(0).line());
    assertTrue(metadata.warnings().get(0).message().startsWith("network and max_* in a header narrow a process "
        + "hook's sandbox"), metadata.warnings().get(0).message());
  }

  @Test
  void metadataThatCallsAStringMethodIsALoadErrorSayingSo() {
    LuaHarness lua = new LuaHarness(dir);
    lua.run("return {}");
    LuaHarness.Outcome outcome = lua.run("hook = { name = ('x'):rep(3) }\nreturn {}");
    assertEquals("load_error", outcome.category(), () -> String.valueOf(outcome.failure()));
    assertEquals("the hook = { ... } table must hold plain values (strings, numbers): it calls a function, and "
        + "the table is read without running the hook", outcome.failure().getMessage());
  }

  @Test
  void syntaxErrorsAreLoadErrorsWithTheLine() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("function execute(event)\n  return {\nend\n");
    assertEquals("load_error", outcome.category());
    assertEquals(3, outcome.failure().line());
    assertTrue(outcome.failure().getMessage().startsWith("syntax error: "), outcome.failure().getMessage());
    assertTrue(outcome.failure().file().endsWith("01_hook.lua"));
  }

  @Test
  void runtimeErrorsAreExecutionErrorsWithTheLine() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("""
        function execute(event)
          local missing = nil
          return missing.field
        end
        """);
    assertEquals("execution_error", outcome.category());
    assertEquals(3, outcome.failure().line(), outcome.failure().getMessage());
    assertTrue(outcome.failure().getMessage().contains("index"), outcome.failure().getMessage());
  }

  @Test
  void errorCallsKeepTheirMessageAndLine() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("function execute()\n\n  error('no tmdb id')\nend");
    assertEquals("execution_error", outcome.category());
    assertEquals(3, outcome.failure().line());
    assertEquals("no tmdb id", outcome.failure().getMessage());
  }

  @Test
  void printAndLogGoToTheHooksLog() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run(
        "print('a', 1, true)\nlog.warn('careful')\nlog.error('bad')\nreturn {}");
    assertEquals(List.of("INFO a\t1\ttrue", "WARN careful", "ERROR bad"), outcome.logs());
  }

  @Test
  void helpersJsonTableLengthAndFind() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("""
        local decoded = json.decode('{"a": [1, 2, {"b": "c"}], "n": null}')
        local results = { {q = "720p"}, {q = "1080p"}, {q = "2160p"} }
        local found, index = table.find(results, function(r) return r.q == "1080p" end)
        return { message = json.encode(decoded.a[3]) .. " " .. table.length(decoded.a) .. " "
          .. table.length({x = 1, y = 2}) .. " " .. found.q .. " " .. index }
        """);
    assertEquals(Map.of("message", "{\"b\":\"c\"} 3 2 1080p 2"), outcome.result());
  }

  @Test
  void usualStringFunctionsWork() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("""
        local s = "Attack on Titan S01E02 1080p"
        local season, episode = s:match("S(%d+)E(%d+)")
        local words = {}
        for w in s:gmatch("%a+") do words[#words + 1] = w end
        local replaced, n = s:gsub("%d+p", function(q) return "[" .. q .. "]" end)
        return { message = table.concat({season, episode, #words, replaced, n, s:rep(2, "|"):len(),
          ("%d-%s"):format(7, "x"), s:find("on", 1, true), s:upper():sub(1, 6), s:byte(1)}, ",") }
        """);
    assertEquals(Map.of("message",
        "01,02,6,Attack on Titan S01E02 [1080p],1,57,7-x,8,ATTACK,65"), outcome.result());
  }

  @Test
  void compatibilityShimsForOlderAndNewerHooks() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("""
        local f = loadstring("return 40 + 2")
        return { message = f() .. " " .. tostring(math.tointeger(3.0)) .. " " .. tostring(math.tointeger(3.5))
          .. " " .. math.type(1) .. " " .. math.type(1.5) .. " " .. tostring(math.type("1")) }
        """);
    assertEquals(Map.of("message", "42 3 nil integer float nil"), outcome.result());
  }

  @Test
  void coroutinesWork() {
    LuaHarness.Outcome outcome = new LuaHarness(dir).run("""
        local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
        local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
        local _, first = coroutine.resume(co, 1)
        local _, second = coroutine.resume(co, 10)
        return { message = gen() .. gen() .. gen() .. " " .. first .. " " .. second .. " " .. coroutine.status(co) }
        """);
    assertEquals(Map.of("message", "123 2 20 dead"), outcome.result());
  }
}
