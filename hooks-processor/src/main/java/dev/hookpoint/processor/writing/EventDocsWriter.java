package dev.hookpoint.processor.writing;

import dev.hookpoint.processor.model.HookPointModel;
import javax.lang.model.element.Element;

/**
 * Writes the per-event docs for hook authors to {@code META-INF/hookpoint/events/}: {@code <event>.md},
 * {@code <event>.schema.json}, {@code <event>.result.schema.json} and {@code <event>.d.lua} (whose shared classes
 * {@link LuaTypes} writes once, to {@code types.d.lua}).
 */
final class EventDocsWriter {

  /** Where the docs go in the class output; the runtime's tools read them from there. */
  static final String DIRECTORY = "META-INF/hookpoint/events/";

  private final GeneratedFiles files;
  private final LuaTypes luaTypes;

  EventDocsWriter(GeneratedFiles files, LuaTypes luaTypes) {
    this.files = files;
    this.luaTypes = luaTypes;
  }

  void write(HookPointModel point, Element origin) {
    String base = DIRECTORY + point.eventName();
    files.writeResource(base + ".md", MarkdownDocs.of(point), origin);
    files.writeResource(base + ".schema.json", JsonSchemas.payload(point), origin);
    files.writeResource(base + ".result.schema.json", JsonSchemas.result(point), origin);
    files.writeResource(base + ".d.lua", LuaDefinitions.of(point, luaTypes), origin);
  }
}
