package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result shapes {@code docs/writing-hooks.md} shows, the event's generated {@code .result.schema.json} and the
 * runtime agree: every documented shape is valid for the schema and changes the item when a real hook returns it,
 * and what the runtime refuses the schema refuses too.
 */
class ResultShapesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\n(.*?)\n```", Pattern.DOTALL);

  @TempDir Path dir;

  private static List<String> documentedShapes() throws IOException {
    String page = Files.readString(Path.of("../docs/writing-hooks.md"));
    String section = page.substring(page.indexOf("## What a hook returns"), page.indexOf("`halt = true` stops"));
    List<String> shapes = new ArrayList<>();
    Matcher block = JSON_BLOCK.matcher(section);
    while (block.find()) {
      shapes.add(block.group(1));
    }
    return shapes;
  }

  private static Schema resultSchema() throws IOException {
    try (InputStream in = ResultShapesTest.class.getResourceAsStream(
        "/META-INF/hookpoint/events/after_media_added.result.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(in));
    }
  }

  /** Runs a script hook printing {@code result} through {@code hooks test}; its report. */
  private JsonNode run(Cli cli, String name, String result) {
    Path hook = cli.hook("after_media_added/50_" + name + ".sh", "#!/bin/sh\ncat <<'RESULT'\n" + result + "\nRESULT\n");
    Cli.Result tested = cli.run("hooks", "test", hook.toString(), "--json");
    return tested.json();
  }

  /**
   * Checks each shape against the schema and runs it as a real hook; the report of each run, in order.
   *
   * @param valid what the schema must say of every shape
   */
  private List<JsonNode> check(List<String> shapes, boolean valid) throws IOException {
    Schema schema = resultSchema();
    Cli cli = new Cli(dir, "");
    cli.run("media", "list");
    List<JsonNode> reports = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      String shape = shapes.get(i);
      assertEquals(valid, schema.validate(JSON.readTree(shape)).isEmpty(), "schema on " + shape);
      reports.add(run(cli, "shape" + i, shape));
    }
    return reports;
  }

  @Test
  void everyDocumentedShapeIsValidForTheSchemaAndChangesTheItem() throws IOException {
    List<String> shapes = documentedShapes();
    assertEquals(3, shapes.size(), "the page's result shapes: " + shapes);
    for (JsonNode report : check(shapes, true)) {
      assertEquals("ok", report.get("status").asText(), report.toString());
      assertEquals("Anime 1080p", report.at("/changes/media_item/quality_profile").asText(), report.toString());
    }
  }

  @Test
  void theShortcutInsideDataAndTheEmptyFormsAreValidToo() throws IOException {
    List<JsonNode> reports = check(List.of(
        "{ \"changes\": { \"data\": { \"quality_profile\": \"Anime 1080p\" } } }",
        "{ \"changes\": [], \"metadata\": [], \"message\": 42, \"halt\": null }",
        "null"), true);
    for (JsonNode report : reports) {
      assertEquals("ok", report.get("status").asText(), report.toString());
    }
  }

  @Test
  void whatTheRuntimeRefusesTheSchemaRefuses() throws IOException {
    List<JsonNode> reports = check(List.of(
        "{ \"changes\": { \"media_item\": { \"title\": \"not changeable\" } } }",
        "{ \"changes\": { \"media_item\": { \"quality_profile\": 7 } } }",
        "{ \"changes\": { \"data\": { \"data\": { \"quality_profile\": \"x\" } } } }",
        "{ \"modfied\": true }",
        "{ \"modified\": \"yes\" }",
        "[1, 2]"), false);
    for (JsonNode report : reports) {
      String status = report.get("status").asText();
      assertTrue(status.equals("data_error") || status.equals("execution_error"), report.toString());
    }
  }
}
