package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookpoint.sample.app.ExampleHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app through its command line, on real SQLite files and the real example hooks. */
class SampleAppTest {

  @TempDir Path dir;

  @Test
  void firstStartInstallsTheExampleHooksAndTheAnimeChangeIsStored() {
    Cli cli = new Cli(dir, "");
    Cli.Result added = cli.run("media", "add", "--type", "tv_show", "--title", "Attack on Titan", "--year", "2013");
    assertEquals(0, added.exitCode(), added.err());
    assertTrue(Files.exists(cli.hooks().resolve("after_media_added/02_adjust_anime_settings.lua")));
    JsonNode item = added.json();
    assertEquals("Anime 1080p", item.get("quality_profile").asText());
    Cli.Result shown = cli.run("media", "show", item.get("id").asText());
    JsonNode stored = shown.json();
    assertEquals("Anime 1080p", stored.get("quality_profile").asText(), "persisted, seen by a new process");
    assertEquals("[\"SubsPlease\",\"Erai-raws\",\"HorribleSubs\"]", stored.get("preferred_release_groups").toString());
    assertTrue(stored.at("/search_settings/prefer_subbed").asBoolean());
    assertTrue(stored.at("/search_settings/exclude_dubbed").asBoolean());
  }

  @Test
  void beforeAndAfterMediaAddedBothCallTheItemMediaItem() {
    Cli cli = new Cli(dir, "");
    cli.run("media", "list");
    cli.hook("before_media_added/05_year.lua", "function execute(event)\n"
        + "  return { changes = { media_item = { title = event.media_item.title .. ' (' .. event.media_item.year .. ')' } } }\n"
        + "end");
    cli.hook("after_media_added/05_seen.lua", "function execute(event)\n"
        + "  log.info('stored ' .. event.media_item.title .. ' as ' .. event.media_item.id)\n"
        + "  return {}\n"
        + "end");
    Cli.Result added = cli.run("media", "add", "--type", "movie", "--title", "Heat", "--year", "1995");
    assertEquals(0, added.exitCode(), added.err());
    assertEquals("Heat (1995)", added.json().get("title").asText());
    JsonNode runs = cli.run("hooks", "runs", "--json", "--limit", "20").json();
    assertTrue(runs.toString().contains("INFO stored Heat (1995) as 1"), runs.toString());
  }

  @Test
  void aDuplicateIsVetoedWithExitCodeThreeAndNothingIsWritten() {
    Cli cli = new Cli(dir, "");
    assertEquals(0, cli.run("media", "add", "--type", "movie", "--title", "Heat", "--year", "1995").exitCode());
    Cli.Result vetoed = cli.run("media", "add", "--type", "movie", "--title", "heat");
    assertEquals(3, vetoed.exitCode());
    assertTrue(vetoed.err().startsWith("vetoed by Duplicate guard (before_media_added/01_reject_duplicates.lua): "
        + "'Heat' is already in the library (id 1)"), vetoed.err());
    assertEquals("", vetoed.out());
    assertEquals(1, cli.run("media", "list", "--json").json().size());
  }

  @Test
  void theDuplicateGuardFailsClosedWhenItBreaksWhileABrokenDefaultHookFailsSoft() throws Exception {
    Cli cli = new Cli(dir, "");
    cli.run("media", "list");
    Path guard = cli.hooks().resolve("before_media_added/01_reject_duplicates.lua");
    Files.writeString(guard, Files.readString(guard).replace("return { modified = false }", "return { modified ="));
    cli.hook("before_media_added/05_broken_default.lua", "function execute() error('boom') end");

    Cli.Result vetoed = cli.run("media", "add", "--type", "movie", "--title", "Heat", "--year", "1995");
    assertEquals(3, vetoed.exitCode(), vetoed.err());
    assertTrue(vetoed.err().startsWith("vetoed by Duplicate guard (before_media_added/01_reject_duplicates.lua): "
        + "vetoed before_media_added: the hook failed (load_error) and declares on_error: veto: syntax error"),
        vetoed.err());
    assertEquals(0, cli.run("media", "list", "--json").json().size(), "nothing was written");

    Files.delete(guard);
    Cli.Result added = cli.run("media", "add", "--type", "movie", "--title", "Heat", "--year", "1995");
    assertEquals(0, added.exitCode(), "the broken default hook lets the action through: " + added.err());
    JsonNode runs = cli.run("hooks", "runs", "--json", "--limit", "20").json();
    assertEquals("execution_error", status(runs, "before_media_added/05_broken_default.lua"));
  }

  @Test
  void anExistingHooksDirectoryIsNeverTouched() throws Exception {
    Cli cli = new Cli(dir, "");
    Files.createDirectories(cli.hooks());
    cli.run("media", "list");
    try (Stream<Path> files = Files.list(cli.hooks())) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void examplesListedInCodeAreExactlyTheExamplesDirectory() throws Exception {
    Path examples = Path.of("examples/hooks");
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(examples)) {
      walk.filter(Files::isRegularFile).forEach(file -> files.add(examples.relativize(file).toString()));
    }
    files.sort(null);
    assertEquals(ExampleHooks.FILES, files);
  }

  @Test
  void failingHooksLeaveTheDataIntactAndAreRecordedWithTheirCategory() {
    Cli cli = new Cli(dir, "");
    cli.run("media", "list");
    cli.hook("after_media_added/05_throws.lua", "function execute() error('boom') end");
    cli.hook("after_media_added/06_hangs.lua", "function execute() while true do end end");
    cli.hook("after_media_added/07_garbage.sh", "#!/bin/sh\necho 'this is not json'\n");
    cli.hook("after_media_added/08_wrong_changes.lua",
        "function execute() return { changes = { media_item = { title = 'hijacked' } } } end");
    Cli.Result added = cli.run("media", "add", "--type", "tv_show", "--title", "Attack on Titan");
    assertEquals(0, added.exitCode(), added.err());
    JsonNode item = cli.run("media", "show", "1").json();
    assertEquals("Attack on Titan", item.get("title").asText());
    assertEquals("Anime 1080p", item.get("quality_profile").asText(), "the good hook's change still applied");
    JsonNode runs = cli.run("hooks", "runs", "--json", "--limit", "20").json();
    assertEquals("execution_error", status(runs, "after_media_added/05_throws.lua"));
    assertEquals("timeout", status(runs, "after_media_added/06_hangs.lua"));
    assertEquals("data_error", status(runs, "after_media_added/07_garbage.sh"));
    assertEquals("data_error", status(runs, "after_media_added/08_wrong_changes.lua"));
    assertEquals("ok", status(runs, "after_media_added/02_adjust_anime_settings.lua"));
  }

  @Test
  void hooksCommandIsMountedAndTestsTheAnimeExampleOnItsGeneratedPayload() {
    Cli cli = new Cli(dir, "");
    cli.run("media", "list");
    Cli.Result tested = cli.run("hooks", "test",
        cli.hooks().resolve("after_media_added/02_adjust_anime_settings.lua").toString(), "--json");
    assertEquals(0, tested.exitCode(), tested.out() + tested.err());
    JsonNode report = tested.json();
    assertEquals("ok", report.get("status").asText());
    assertEquals("Anime 1080p", report.at("/changes/media_item/quality_profile").asText());
    assertEquals(22, cli.run("hooks", "events", "--json").json().size());
    assertEquals(0, cli.run("hooks", "check").exitCode(), cli.run("hooks", "check").out());
  }

  @Test
  void disablingAHookLastsAcrossInvocations() {
    Cli cli = new Cli(dir, "");
    cli.run("media", "list");
    assertEquals(0, cli.run("hooks", "disable", "after_media_added/02_adjust_anime_settings.lua").exitCode());
    JsonNode item = cli.run("media", "add", "--type", "tv_show", "--title", "Attack on Titan").json();
    assertEquals("HD-1080p", item.get("quality_profile").asText());
    JsonNode list = cli.run("hooks", "list", "--json").json();
    for (JsonNode hook : list) {
      if (hook.get("id").asText().equals("after_media_added/02_adjust_anime_settings.lua")) {
        assertEquals(false, hook.get("enabled").asBoolean());
      }
    }
  }

  @Test
  void unknownIdsAndBadTypesFailWithAMessage() {
    Cli cli = new Cli(dir, "");
    Cli.Result missing = cli.run("media", "show", "42");
    assertEquals(1, missing.exitCode());
    assertEquals("no media item 42\n", missing.err());
    Cli.Result badType = cli.run("media", "add", "--type", "series", "--title", "X");
    assertEquals(2, badType.exitCode());
    assertTrue(badType.err().contains("--type must be tv_show or movie, got series"), badType.err());
  }

  @Test
  void aBadConfigurationStopsTheStartWithItsLine() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "hooks:\n  timout_ms: 5\n");
    Cli cli = new Cli(dir, "");
    Cli.Result result = cli.run("--config", "bad.yaml", "media", "list");
    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("bad.yaml:2: unknown key 'hooks.timout_ms'"), result.err());
  }

  private static String status(JsonNode runs, String hook) {
    for (JsonNode run : runs) {
      if (run.get("hook").asText().equals(hook)) {
        return run.get("status").asText();
      }
    }
    return "no run of " + hook;
  }
}
