package dev.hookpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  private HookRuntime runtime;

  private record Result(int exitCode, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

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

  private Result run(String... args) {
    CommandResult result = CommandResult.run(() -> runtime, args);
    return new Result(result.exitCode(), result.out(), result.err());
  }

  @Test
  void eventsListsTheCatalog() throws Exception {
    Result result = run("events", "--json");
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
    Result result = run("check");
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
    Result result = run("test", root.resolve("hooks/before_media_added/01_title.hook").toString(), "--json");
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
    Result ok = run("test", hook.toString(), "--event", "after_media_added", "--payload", payload.toString(),
        "--json");
    assertEquals("Alien?", ok.json().at("/changes/media/title").asText(), ok.out());
    Result broken = run("test", root.resolve("hooks/before_media_added/02_broken.hook").toString(), "--json");
    assertEquals(1, broken.exitCode());
    assertEquals("load_error", broken.json().get("status").asText());
    assertEquals(1, broken.json().at("/error/line").asInt());
    Result unknown = run("test", hook.toString(), "--json");
    assertEquals(1, unknown.exitCode());
    assertEquals("'elsewhere' is not an event; 'hooks events' lists them", unknown.json().at("/error/message").asText());
  }

  @Test
  void testPrintsAHooksChangesAndMessageWithTheirControlCharactersEscaped() throws Exception {
    Path hook = TestRuntime.write(root, "after_media_added/06_forge.hook",
        "{\"result\": {\"message\": \"m\\u001b[2J\", \"changes\": {\"media\": {\"title\": \"t\\nOK\\u001b]0;x\\u0007\"}}}}");
    Result result = run("test", hook.toString());
    assertTrue(result.out().contains("changes:"), result.out());
    assertTrue(result.out().chars().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7f), result.out());
    assertTrue(result.out().contains("t\\nOK\\u001b]0;x\\u0007"), result.out());
  }

  @Test
  void haltedTestExitsZero() throws Exception {
    Path hook = TestRuntime.write(root, "before_media_added/05_stop.hook", "{\"append\": \"!\", \"halt\": true}");
    Result result = run("test", hook.toString(), "--json");
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
  void enableAndDisableSwitchAHook() {
    assertEquals(0, run("disable", "before_media_added/01_title.hook").exitCode());
    assertTrue(!runtime.hooks().get(0).enabled());
    assertEquals(0, run("enable", "before_media_added/01_title.hook").exitCode());
    Result unknown = run("disable", "nope");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("no hook 'nope'"), unknown.err());
  }
}
