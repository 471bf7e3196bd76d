package dev.hookpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.ScriptExecutor;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code hooks} command's public contract: names, options, output fields, exit codes. */
class HooksCommandTest {

  @TempDir Path root;
  private HookRuntime runtime;

  @BeforeEach
  void hooks() {
    TestRuntime.write(root, "before_media_added/01_title.hook", "# name: Title fixer\n# version: 1.0\n"
        + "{\"append\": \"!\", \"log\": [\"fixing\"]}");
    TestRuntime.write(root, "before_media_added/02_broken.hook", "SYNTAX ERROR");
    TestRuntime.write(root, "before_media_add/01_typo.hook", "{}");
    runtime = TestRuntime.builder(root, "", new ScriptExecutor()).build().start();
  }

  @AfterEach
  void close() {
    runtime.close();
  }

  private Hooks.Result run(String... args) {
    return Hooks.run(runtime, args);
  }

  @Test
  void eventsListsTheCatalog() throws Exception {
    Hooks.Result result = run("events", "--json");
    assertEquals(0, result.exitCode());
    JsonNode first = result.json().get(0);
    assertEquals("after_media_added", first.get("name").asText());
    assertEquals("sync", first.get("mode").asText());
    assertEquals("HOOK_MEDIA_TITLE", first.at("/fields/1/env_var").asText());
    assertEquals("Heat", first.at("/example_payload/media/title").asText());
    assertTrue(run("events").out().contains("on_media_added                   async"));
  }

  @Test
  void listShowsOrderExecutorSwitchMetadataAndLoadStatus() throws Exception {
    JsonNode list = run("list", "--json").json();
    assertEquals(2, list.size());
    JsonNode first = list.get(0);
    assertEquals("before_media_added/01_title.hook", first.get("id").asText());
    assertEquals(1, first.get("order").asInt());
    assertEquals("script", first.get("executor").asText());
    assertTrue(first.get("enabled").asBoolean());
    assertEquals("Title fixer", first.at("/metadata/name").asText());
    assertEquals("1.0", first.at("/metadata/version").asText());
    assertEquals("loaded", first.get("load_status").asText());
    assertEquals("load_error", list.get(1).get("load_status").asText());
    assertEquals(1, list.get(1).at("/load_error/line").asInt());
  }

  @Test
  void checkPrintsFileLineMessageAndExitsOneWhenAnythingIsWrong() {
    Hooks.Result result = run("check");
    assertEquals(1, result.exitCode());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.contains(root.resolve("hooks/before_media_added/02_broken.hook")
        + ":1: syntax error near 'SYNTAX'"), result.out());
    assertTrue(lines.contains(root.resolve("hooks/before_media_add") + ":1: 'before_media_add' is not an event; "
        + "did you mean 'before_media_added'? Its hooks are ignored"), result.out());
  }

  @Test
  void checkExitsZeroWhenAllIsWell() throws Exception {
    Files.delete(root.resolve("hooks/before_media_added/02_broken.hook"));
    Files.delete(root.resolve("hooks/before_media_add/01_typo.hook"));
    Files.delete(root.resolve("hooks/before_media_add"));
    assertEquals(0, run("check").exitCode());
  }

  @Test
  void testPrintsExactlyOneJsonObjectWithTheContractFields() throws Exception {
    Hooks.Result result = run("test", root.resolve("hooks/before_media_added/01_title.hook").toString(), "--json");
    assertEquals(0, result.exitCode(), result.err());
    JsonNode report = result.json();
    List<String> keys = new ArrayList<>();
    report.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("status", "duration_ms", "modified", "changes", "message", "halt", "logs", "error"), keys);
    assertEquals("ok", report.get("status").asText());
    assertEquals("Heat!", report.at("/changes/media/title").asText(), "ran on the generated example payload");
    assertEquals("INFO fixing", report.at("/logs/0").asText());
    assertTrue(report.get("error").isNull());
    assertTrue(runtime.runStore().recent(1).get(0).dryRun(), "hooks test is always a dry run");
  }

  @Test
  void testUsesAGivenPayloadAndEventAndExitsOneOnFailure() throws Exception {
    Path payload = Files.writeString(root.resolve("payload.json"),
        "{\"event\": \"after_media_added\", \"media\": {\"title\": \"Alien\", \"year\": 1979}, \"context\": {}}");
    Path hook = TestRuntime.write(root, "elsewhere/title.hook", "{\"append\": \"?\"}");
    Hooks.Result ok = run("test", hook.toString(), "--event", "after_media_added", "--payload", payload.toString(),
        "--json");
    assertEquals("Alien?", ok.json().at("/changes/media/title").asText(), ok.out());
    Hooks.Result broken = run("test", root.resolve("hooks/before_media_added/02_broken.hook").toString(), "--json");
    assertEquals(1, broken.exitCode());
    assertEquals("load_error", broken.json().get("status").asText());
    assertEquals(1, broken.json().at("/error/line").asInt());
    Hooks.Result unknown = run("test", hook.toString(), "--json");
    assertEquals(1, unknown.exitCode());
    assertEquals("'elsewhere' is not an event; 'hooks events' lists them", unknown.json().at("/error/message").asText());
  }

  @Test
  void testPrintsAHooksChangesAndMessageWithTheirControlCharactersEscaped() throws Exception {
    Path hook = TestRuntime.write(root, "after_media_added/06_forge.hook",
        "{\"result\": {\"message\": \"m\\u001b[2J\", \"changes\": {\"media\": {\"title\": \"t\\nOK\\u001b]0;x\\u0007\"}}}}");
    Hooks.Result result = run("test", hook.toString());
    assertTrue(result.out().contains("changes:"), result.out());
    assertTrue(result.out().chars().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7f), result.out());
    assertTrue(result.out().contains("t\\nOK\\u001b]0;x\\u0007"), result.out());
  }

  @Test
  void haltedTestExitsZero() throws Exception {
    Path hook = TestRuntime.write(root, "before_media_added/05_stop.hook", "{\"append\": \"!\", \"halt\": true}");
    Hooks.Result result = run("test", hook.toString(), "--json");
    assertEquals(0, result.exitCode());
    assertEquals("halted", result.json().get("status").asText());
    assertTrue(result.json().get("halt").asBoolean());
  }

  @Test
  void runsShowsTheHistoryNewestFirst() throws Exception {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    handle.runSync(MediaEvent.of("before_media_added", handle.context(), "Heat"));
    JsonNode runs = run("runs", "--limit", "5", "--json").json();
    assertEquals(2, runs.size());
    assertEquals("before_media_added/02_broken.hook", runs.get(0).get("hook").asText());
    assertEquals("load_error", runs.get(0).get("status").asText());
    assertEquals("before_media_added/01_title.hook", runs.get(1).get("hook").asText());
  }

  @Test
  void runsFilteredByStatusShowOnlyThoseAndAnUnknownStatusIsAUsageError() throws Exception {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    handle.runSync(MediaEvent.of("before_media_added", handle.context(), "Heat"));
    handle.runSync(MediaEvent.of("before_media_added", handle.context(), "Ronin"));
    JsonNode errors = run("runs", "--status", "error", "--json").json();
    assertEquals(2, errors.size(), errors::toString);
    for (JsonNode error : errors) {
      assertEquals("load_error", error.get("status").asText());
    }
    assertEquals(1, run("runs", "--status", "load_error", "--limit", "1", "--json").json().size());
    JsonNode ok = run("runs", "--status", "ok", "--json").json();
    assertEquals(2, ok.size());
    assertEquals("before_media_added/01_title.hook", ok.get(0).get("hook").asText());
    assertEquals(0, run("runs", "--status", "dead", "--json").json().size());
    Hooks.Result unknown = run("runs", "--status", "broken");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().startsWith("--status broken is not a status: use error or one of ok, "), unknown.err());
  }

  @Test
  void runsShowsABackgroundRunThatEndedDead() throws Exception {
    TestRuntime.write(root, "on_media_added/01_down.hook", "{\"fail\": \"webhook down\"}");
    try (HookRuntime durable = TestRuntime.builder(root, "async:\n  delivery: durable\n  retries: 0\n"
        + "  poll_interval_ms: 50", new ScriptExecutor()).build().start()) {
      HookPointHandle<MediaEvent, MediaEvent.Changes> handle = durable.dispatcher().handle(TestRuntime.ON);
      handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "Heat"));
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      JsonNode runs = Hooks.run(durable, "runs", "--json").json();
      while (runs.size() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
        runs = Hooks.run(durable, "runs", "--json").json();
      }
      assertEquals("on_media_added/01_down.hook", runs.get(0).get("hook").asText());
      assertEquals("dead", runs.get(0).get("status").asText());
      assertTrue(Hooks.run(durable, "runs").out().contains(" dead "), "the text says dead too");
    }
  }

  @Test
  void enableAndDisableSwitchAHook() {
    assertEquals(0, run("disable", "before_media_added/01_title.hook").exitCode());
    assertTrue(!runtime.hooks().get(0).enabled());
    assertEquals(0, run("enable", "before_media_added/01_title.hook").exitCode());
    Hooks.Result unknown = run("disable", "nope");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("no hook 'nope'"), unknown.err());
  }

  @Test
  void everySubcommandAnswersHelpWithItsUsage() {
    List<String> names = new ArrayList<>(HooksCommand.commandLine(() -> runtime).getSubcommands().keySet());
    assertEquals(List.of("events", "list", "check", "test", "runs", "enable", "disable", "new", "docs"), names);
    for (String name : names) {
      for (String help : List.of("--help", "-h")) {
        Hooks.Result result = run(name, help);
        assertEquals(0, result.exitCode(), name + " " + help + ": " + result.err());
        assertTrue(result.out().startsWith("Usage: hooks " + name), result.out());
      }
    }
  }

  @Test
  void testTextPrintsEachChangeOnItsOwnLineWithTheValueBefore() {
    Hooks.Result result = run("test", root.resolve("hooks/before_media_added/01_title.hook").toString());
    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.contains("changes:"), result.out());
    assertTrue(lines.contains("  media.title: \"Heat\" -> \"Heat!\""), result.out());
    assertTrue(lines.contains("logs:") && lines.contains("  INFO fixing"), result.out());
  }

  @Test
  void testTextShowsAFieldTheEventDidNotHaveAsItsNewValue() throws Exception {
    Path payload = Files.writeString(root.resolve("payload.json"), "{\"media\": {\"year\": 1995}}");
    Hooks.Result result = run("test", root.resolve("hooks/before_media_added/01_title.hook").toString(), "--payload",
        payload.toString());
    assertTrue(result.out().lines().toList().contains("  media.title = \"null!\""), result.out());
  }

  @Test
  void testTextGivesADataErrorItsFileWithoutAnInventedLine() throws Exception {
    Path hook = TestRuntime.write(root, "before_media_added/07_bad.hook",
        "{\"result\": {\"changes\": {\"media\": {\"year\": \"soon\"}}}}");
    Hooks.Result json = run("test", hook.toString(), "--json");
    assertEquals("data_error", json.json().get("status").asText(), json.out());
    assertTrue(json.json().at("/error/line").isNull(), json.out());
    String message = json.json().at("/error/message").asText();
    Hooks.Result text = run("test", hook.toString());
    assertEquals(1, text.exitCode());
    assertTrue(text.out().lines().toList().contains(hook + ": " + message), text.out());
    assertFalse(text.out().contains(hook + ":1:"), text.out());
  }

  @Test
  void eventsWithAnEventShowsItsFieldsAndWhereItsPageIs() throws Exception {
    Hooks.Result result = run("events", "before_media_added");
    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.get(0).startsWith("before_media_added (sync, from "), result.out());
    assertTrue(lines.stream().anyMatch(line -> line.matches("  \\* media\\.title +string +HOOK_MEDIA_TITLE +the title")),
        result.out());
    assertTrue(lines.stream().anyMatch(line -> line.matches("    media\\.year +integer +HOOK_MEDIA_YEAR +the year")),
        result.out());
    assertTrue(result.out().contains("\"title\" : \"Heat\""), "the example payload: " + result.out());
    assertTrue(lines.contains("Whole page: hooks docs before_media_added; a hook to start from: hooks new "
        + "before_media_added"), result.out());
    assertEquals("before_media_added", run("events", "before_media_added", "--json").json().get("name").asText());
    Hooks.Result unknown = run("events", "before_media_add");
    assertEquals(1, unknown.exitCode());
    assertEquals("'before_media_add' is not an event; did you mean 'before_media_added'?", unknown.err().strip());
  }

  @Test
  void docsSaysWhereAPageWouldComeFromWhenTheHostsBuildHasNone() {
    Hooks.Result page = run("docs", "before_media_added");
    assertEquals(1, page.exitCode());
    assertEquals("no generated page for before_media_added in the host's build (META-INF/hookpoint/events/"
        + "before_media_added.md; the hooks-processor writes it); 'hooks events before_media_added' shows its fields",
        page.err().strip());
    Hooks.Result export = run("docs", "--out", root.resolve("out").toString());
    assertEquals(1, export.exitCode());
    assertTrue(export.err().startsWith("no generated page for "), export.err());
    assertFalse(Files.exists(root.resolve("out")), "nothing half-exported");
    assertEquals(2, run("docs", "before_media_added", "--out", root.resolve("out").toString()).exitCode(),
        "--out exports every event");
    Hooks.Result list = run("docs");
    assertEquals(0, list.exitCode());
    assertTrue(list.out().lines().toList().contains("One event's page: hooks docs EVENT; all of them, with schemas "
        + "and editor stubs: hooks docs --out DIR"), list.out());
  }
}
