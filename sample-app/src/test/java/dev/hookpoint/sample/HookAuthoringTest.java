package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * The hook author's path on Mydia's 22 real hook points: {@code hooks new} writes a hook that {@code hooks check}
 * and {@code hooks test} pass, and {@code hooks docs --out} exports pages, schemas that validate the events'
 * payloads and the documented results, LuaLS stubs that parse and a {@code .luarc.json} pointing at them.
 */
class HookAuthoringTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A real JSON Schema 2020-12 validator, which never fetches anything: the schemas are self-contained. */
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)));

  @TempDir Path dir;
  private Cli cli;

  @BeforeEach
  void app() {
    cli = new Cli(dir, "");
  }

  private List<String> events() {
    List<String> events = new ArrayList<>();
    cli.run("hooks", "events", "--json").json().forEach(event -> events.add(event.get("name").asText()));
    assertEquals(22, events.size(), events.toString());
    return events;
  }

  private static Path written(Cli.Result result) {
    assertEquals(0, result.exitCode(), result.out() + result.err());
    return Path.of(result.out().lines().findFirst().orElseThrow().substring("Wrote ".length()));
  }

  @Test
  void everyEventsLuaTemplatePassesCheckAndTest() throws Exception {
    for (String event : events()) {
      Path file = written(cli.run("hooks", "new", event));
      Cli.Result test = cli.run("hooks", "test", file.toString(), "--json");
      assertEquals("ok", test.json().get("status").asText(), event + ": " + test.out() + Files.readString(file));
    }
    Cli.Result check = cli.run("hooks", "check");
    assertEquals(0, check.exitCode(), check.out());
  }

  @ParameterizedTest(name = "{0} for {1}")
  @CsvSource({"sh, before_media_added", "python, before_media_added", "sh, after_media_added",
      "python, after_download_initiated", "sh, on_download_completed"})
  void scriptTemplatesPassCheckAndTestInTheSandbox(String lang, String event) throws Exception {
    Path file = written(cli.run("hooks", "new", event, "--lang", lang, "--name", "script"));
    Cli.Result check = cli.run("hooks", "check");
    assertEquals(0, check.exitCode(), check.out());
    Cli.Result test = cli.run("hooks", "test", file.toString(), "--json");
    assertEquals("ok", test.json().get("status").asText(), test.out() + Files.readString(file));
    assertTrue(test.json().at("/logs/0").asText().startsWith("INFO got "), test.out());
  }

  @Test
  void theCommandNewPrintsTestsTheFile() {
    Cli.Result result = cli.run("hooks", "new", "before_media_added", "--name", "cams");
    List<String> lines = result.out().lines().toList();
    Path file = cli.hooks().resolve("before_media_added/10_cams.lua").toAbsolutePath();
    assertEquals(List.of("Wrote " + file, "Test it: sample-app hooks test " + file), lines);
  }

  @Test
  void docsPrintsAPageForTheTerminalAndTheEventsWithoutOne() {
    Cli.Result page = cli.run("hooks", "docs", "before_media_added");
    assertEquals(0, page.exitCode(), page.err());
    List<String> lines = page.out().lines().toList();
    assertEquals(List.of("before_media_added", "=================="), lines.subList(0, 2));
    assertTrue(lines.contains("What a hook may change"), page.out());
    assertTrue(lines.stream().anyMatch(line -> line.matches("  media_item\\.title +string or null +yes +HOOK_MEDIA_ITEM_TITLE +the display title")),
        page.out());
    assertFalse(page.out().contains("`") || page.out().contains("|---"), "no Markdown marks: " + page.out());
    Cli.Result all = cli.run("hooks", "docs");
    assertEquals(0, all.exitCode());
    assertTrue(all.out().lines().filter(line -> line.matches("[a-z_]+ +(sync|async) .*")).count() == 22, all.out());
    Cli.Result typo = cli.run("hooks", "docs", "before_media_add");
    assertEquals(1, typo.exitCode());
    assertTrue(typo.err().contains("did you mean 'before_media_added'?"), typo.err());
  }

  @Test
  void exportedSchemasValidateEachExamplePayloadAndTheDocumentedResults() throws Exception {
    Path out = dir.resolve("hook-docs");
    assertEquals(0, cli.run("hooks", "docs", "--out", out.toString()).exitCode());
    JsonNode events = cli.run("hooks", "events", "--json").json();
    for (JsonNode event : events) {
      String name = event.get("name").asText();
      Schema payload = SCHEMAS.getSchema(Files.readString(out.resolve(name + ".schema.json")));
      assertEquals(List.of(), payload.validate(event.get("example_payload")), name);
      Schema result = SCHEMAS.getSchema(Files.readString(out.resolve(name + ".result.schema.json")));
      for (JsonNode documented : documentedResults(Files.readString(out.resolve(name + ".md")))) {
        assertEquals(List.of(), result.validate(documented), name + ": " + documented);
      }
      for (String shape : List.of("{}", "{\"modified\": false}", "{\"halt\": true, \"message\": \"no\"}")) {
        assertEquals(List.of(), result.validate(JSON.readTree(shape)), name + ": " + shape);
      }
      assertFalse(result.validate(JSON.readTree("{\"changes\": {\"no_such_field\": 1}}")).isEmpty(),
          name + ": the validator really checks");
      assertFalse(result.validate(JSON.readTree("{\"halt\": \"yes\"}")).isEmpty(), name);
    }
  }

  /** The JSON results a page shows (its "A result that changes everything it may"). */
  private static List<JsonNode> documentedResults(String page) throws Exception {
    List<JsonNode> results = new ArrayList<>();
    Matcher blocks = Pattern.compile("```json\n(.*?)\n```", Pattern.DOTALL).matcher(page);
    while (blocks.find()) {
      JsonNode block = JSON.readTree(blocks.group(1));
      if (!block.has("event")) {
        results.add(block);
      }
    }
    return results;
  }

  @Test
  void exportedStubsParseAndDeclareEverySharedClassOnce() throws Exception {
    Path out = dir.resolve("hook-docs");
    assertEquals(0, cli.run("hooks", "docs", "--out", out.toString()).exitCode());
    Globals lua = JsePlatform.standardGlobals();
    Map<String, Integer> declared = new TreeMap<>();
    List<Path> stubs;
    try (Stream<Path> files = Files.list(out)) {
      stubs = files.filter(file -> file.toString().endsWith(".d.lua")).sorted().toList();
    }
    assertEquals(23, stubs.size(), "one per event and the shared types.d.lua: " + stubs);
    for (Path stub : stubs) {
      String text = Files.readString(stub);
      lua.load(text, stub.getFileName().toString());  // compiles, or throws LuaError with the line
      Matcher classes = Pattern.compile("^---@class (\\S+)$", Pattern.MULTILINE).matcher(text);
      while (classes.find()) {
        declared.merge(classes.group(1), 1, Integer::sum);
      }
    }
    declared.forEach((name, count) -> assertEquals(1, count, name + " is declared " + count + " times"));
    assertTrue(declared.containsKey("MediaItem") && declared.containsKey("HookContext"), declared.toString());
    String stub = Files.readString(out.resolve("after_media_added.d.lua"));
    assertTrue(stub.contains("---@field changes? AfterMediaAddedChanges"), stub);
    assertTrue(stub.contains("---@field modified? boolean"), stub);
    // What hooks new writes names the classes the stubs declare, so that the editor completes event.
    String template = Files.readString(written(cli.run("hooks", "new", "after_media_added")));
    assertTrue(template.contains("---@param event AfterMediaAddedEvent\n") && declared.containsKey(
        "AfterMediaAddedEvent"), template);
    assertTrue(template.contains("---@return AfterMediaAddedResult\n") && declared.containsKey(
        "AfterMediaAddedResult"), template);
  }

  @Test
  void exportedLuarcPointsTheLanguageServerAtTheStubs() throws Exception {
    Path out = dir.resolve("hook-docs");
    Cli.Result export = cli.run("hooks", "docs", "--out", out.toString());
    assertEquals(0, export.exitCode(), export.err());
    JsonNode luarc = JSON.readTree(Files.readString(out.resolve(".luarc.json")));
    assertEquals("Lua 5.2", luarc.at("/runtime/version").asText());
    assertEquals(1, luarc.at("/workspace/library").size());
    Path library = Path.of(luarc.at("/workspace/library/0").asText());
    assertTrue(library.isAbsolute(), "so that it works copied into the hooks directory: " + library);
    assertTrue(Files.isRegularFile(library.resolve("types.d.lua")), library.toString());
    assertTrue(Files.isRegularFile(library.resolve("before_media_added.d.lua")), library.toString());
    assertTrue(export.out().contains("copy " + out.toAbsolutePath().resolve(".luarc.json") + " into the hooks "
        + "directory"), export.out());
    String index = Files.readString(out.resolve("index.md"));
    assertTrue(index.contains("| [`before_media_added`](before_media_added.md) | sync |"), index);
  }
}
