package dev.hookpoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The services file and the per-event docs for hook authors. */
class GeneratedResourcesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Compilation compilation;

  @BeforeAll
  static void compile() {
    compilation = Fixtures.compile(Fixtures.resource("Library.java"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  private static String resource(String path) throws IOException {
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .orElseThrow(() -> new AssertionError("not generated: " + path));
    return file.getCharContent(false).toString();
  }

  @Test
  void catalogIsRegisteredForServiceLoader() throws IOException {
    assertEquals("fixture.LibraryHookCatalog\n", resource("META-INF/services/dev.hookpoint.runtime.contract.HookCatalog"));
  }

  @Test
  void everyEventGetsFourDocs() throws IOException {
    for (String event : List.of("before_media_added", "after_media_added", "before_automatic_search",
        "after_release_ranked", "on_download_completed")) {
      for (String suffix : List.of(".md", ".schema.json", ".result.schema.json", ".d.lua")) {
        assertTrue(resource("META-INF/hookpoint/events/" + event + suffix).length() > 100, event + suffix);
      }
    }
  }

  @Test
  void markdownListsFieldsChangesEnvVarsExampleAndTemplates() throws IOException {
    String md = resource("META-INF/hookpoint/events/after_media_added.md");
    assertTrue(md.startsWith("# `after_media_added`\n\nAdds a media item to the library."), md);
    assertTrue(md.contains("| Runs | synchronously, in order; a hook may change the result"), md);
    assertTrue(md.contains("| `media_item.quality_profile` | string or null | yes | "
        + "`HOOK_MEDIA_ITEM_QUALITY_PROFILE` | the quality profile downloads must match |"), md);
    assertTrue(md.contains("| `media_item.title` | string or null |  | `HOOK_MEDIA_ITEM_TITLE` | the display title |"),
        md);
    assertTrue(md.contains("- `changes.media_item.search_settings.prefer_subbed`"), md);
    assertTrue(md.contains("\"title\": \"Attack on Titan\""), "example uses @Example values");
    assertTrue(md.contains("function execute(event, context)"), "Lua template");
    assertTrue(md.contains("#!/bin/sh"), "shell template");
  }

  @Test
  void asyncEventDocsSayNothingCanChange() throws IOException {
    String md = resource("META-INF/hookpoint/events/on_download_completed.md");
    assertTrue(md.contains("| Runs | in the background"), md);
    assertTrue(md.contains("Nothing: the event runs in the background"), md);
    assertTrue(md.contains("| Default timeout | 10000 ms |"), md);
  }

  @Test
  void payloadSchemaDescribesEveryFieldAndNestedRecords() throws IOException {
    JsonNode schema = JSON.readTree(resource("META-INF/hookpoint/events/after_media_added.schema.json"));
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    assertEquals("after_media_added", schema.at("/properties/event/const").asText());
    assertEquals(List.of("event", "timestamp", "media", "media_item", "context"), texts(schema.get("required")));
    assertEquals("#/$defs/Library.MediaItem", schema.at("/properties/media_item/anyOf/0/$ref").asText());
    JsonNode item = schema.at("/$defs/Library.MediaItem/properties");
    assertEquals("integer", item.at("/id/type").asText());
    assertEquals(List.of("movie", "tv_show", "null"), texts(item.at("/type/enum")));
    assertEquals("string", item.at("/preferred_release_groups/items/type").asText());
    assertEquals("#/$defs/Library.SearchSettings", item.at("/search_settings/anyOf/0/$ref").asText());
  }

  @Test
  void resultSchemaAllowsOnlyChangeableKeys() throws IOException {
    JsonNode schema = JSON.readTree(resource("META-INF/hookpoint/events/after_media_added.result.schema.json"));
    assertEquals(false, schema.get("additionalProperties").asBoolean());
    JsonNode mediaItem = schema.at("/$defs/changes/properties/media_item");
    assertEquals(List.of("quality_profile", "preferred_release_groups", "search_settings"),
        fieldNames(mediaItem.get("properties")));
    assertEquals(false, mediaItem.get("additionalProperties").asBoolean());
    assertEquals(List.of("prefer_subbed", "exclude_dubbed"),
        fieldNames(mediaItem.at("/properties/search_settings/properties")));
  }

  @Test
  void examplePayloadIsValidJsonWithTheEnvelope() throws IOException {
    String md = resource("META-INF/hookpoint/events/before_automatic_search.md");
    String json = md.substring(md.indexOf("## Example payload"));
    int start = json.indexOf("```json\n") + "```json\n".length();
    json = json.substring(start, json.indexOf("\n```", start));
    JsonNode example = JSON.readTree(json);
    assertEquals("before_automatic_search", example.get("event").asText());
    assertEquals("attack on titan 1080p", example.get("query").asText());
    assertEquals(false, example.at("/context/dry_run").asBoolean());
  }

  @Test
  void luaDefinitionsDeclareClassesForEditors() throws IOException {
    String lua = resource("META-INF/hookpoint/events/after_media_added.d.lua");
    assertTrue(lua.startsWith("---@meta\n"), lua);
    assertTrue(lua.contains("---@class AfterMediaAddedEvent\n"), lua);
    assertTrue(lua.contains("---@field media_item LibraryMediaItem|nil the stored item\n"), lua);
    String types = resource("META-INF/hookpoint/events/types.d.lua");
    assertTrue(types.startsWith("---@meta\n"), types);
    assertTrue(types.contains("---@class LibraryMediaItem\n---@field id integer the database id\n"), types);
    assertTrue(types.contains("---@field type \"movie\"|\"tv_show\"|nil movie or TV show"), types);
    assertTrue(types.contains("---@field preferred_release_groups string[]|nil"), types);
    assertTrue(types.contains("---@class HookContext\n"), types);
    assertTrue(types.contains("---@field event_id string|nil durable background delivery"), types);
    assertTrue(types.contains("---@field attempt integer|nil durable background delivery"), types);
  }

  @Test
  void theContextsDeliveryFieldsAreInThePayloadSchemaAndOptional() throws IOException {
    JsonNode context = JSON.readTree(resource("META-INF/hookpoint/events/on_download_completed.schema.json"))
        .at("/properties/context");
    assertEquals("string", context.at("/properties/event_id/type").asText());
    assertEquals("integer", context.at("/properties/attempt/type").asText());
    assertEquals(List.of("user_id", "settings", "dry_run"), texts(context.get("required")));
  }

  @Test
  void sharedLuaClassesAreDeclaredOnceForAllEvents() throws IOException {
    String types = resource("META-INF/hookpoint/events/types.d.lua");
    for (String shared : List.of("LibraryMediaItem", "HookContext")) {
      assertEquals(1, count(types, "---@class " + shared + "\n"), shared);
    }
    for (String event : List.of("before_media_added", "after_media_added", "before_automatic_search",
        "after_release_ranked", "on_download_completed")) {
      String lua = resource("META-INF/hookpoint/events/" + event + ".d.lua");
      assertEquals(0, count(lua, "---@class LibraryMediaItem\n") + count(lua, "---@class HookContext\n"), event);
      assertFalse(lua.contains("\nevent = nil"), "one global event per file would give it every event's type");
    }
  }

  @Test
  void luaResultsTypeTheirChangesAndEveryKeyIsOptional() throws IOException {
    String lua = resource("META-INF/hookpoint/events/after_media_added.d.lua");
    String result = lua.substring(lua.indexOf("---@class AfterMediaAddedResult\n"));
    result.lines().filter(line -> line.startsWith("---@field ")).forEach(line ->
        assertTrue(line.split(" ")[1].endsWith("?"), line));
    assertTrue(result.contains("---@field changes? AfterMediaAddedChanges"), result);
    assertTrue(lua.contains("---@class AfterMediaAddedChanges\n---@field media_item? AfterMediaAddedChangesMediaItem"),
        lua);
    assertTrue(lua.contains("---@class AfterMediaAddedChangesMediaItem\n"), lua);
    assertTrue(lua.contains("---@field quality_profile? string"), lua);
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void processorDeclaresItselfAggregatingForGradle() throws IOException {
    try (InputStream in = HookPointProcessor.class.getResourceAsStream(
        "/META-INF/gradle/incremental.annotation.processors")) {
      assertNotNull(in);
      assertEquals("dev.hookpoint.processor.HookPointProcessor,aggregating",
          new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.isNull() ? "null" : node.asText()));
    return texts;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
