package dev.hookpoint.cli;

import dev.hookpoint.runtime.contract.FieldInfo;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The commented hooks {@code hooks new} writes, one per language, from the event's descriptor: its fields and
 * environment variables, what may change (with a commented example built from the event's example payload), and
 * for {@code before_} events how to veto. Each does nothing as written, so it passes {@code hooks check} and
 * {@code hooks test} before anyone edits it.
 */
final class HookTemplates {

  /** The languages, with the extension of their files. */
  enum Lang {
    lua(".lua"),
    sh(".sh"),
    python(".py");

    final String extension;

    Lang(String extension) {
      this.extension = extension;
    }
  }

  private final HookPointDescriptor<?, ?> point;
  private final String name;
  private final String hooksCommand;
  private final String testCommand;

  /**
   * @param point the event
   * @param name the hook's name, for its metadata
   * @param hooksCommand the {@code hooks} command as the host mounts it, e.g. {@code mydia hooks}
   * @param testCommand the command that tests the file, for its comment
   */
  HookTemplates(HookPointDescriptor<?, ?> point, String name, String hooksCommand, String testCommand) {
    this.point = point;
    this.name = name;
    this.hooksCommand = hooksCommand;
    this.testCommand = testCommand;
  }

  String write(Lang lang) {
    return switch (lang) {
      case lua -> lua();
      case sh -> shell();
      case python -> python();
    };
  }

  // -- A <event> hook: <description>
  // -- Test it: hooks test <file>
  // hook = { name = ..., description = ..., version = ... }
  // ---@param event <Event> ...
  // function execute(event, context) log.info(...) return { modified = false } end
  private String lua() {
    StringBuilder lua = new StringBuilder();
    about(lua, "--");
    fields(lua, "--", false);
    lua.append("\nhook = {\n  name = ").append(luaString(name)).append(",\n")
        .append("  description = \"What it does\",\n  version = \"0.1.0\",\n}\n\n")
        .append("---@param event ").append(point.eventType().getSimpleName()).append('\n')
        .append("---@param context HookContext\n")
        .append("---@return ").append(resultClass()).append('\n')
        .append("function execute(event, context)\n")
        .append("  log.info(\"got \" .. tostring(").append(luaRead()).append("))\n");
    example().ifPresent(change -> lua.append("  -- To change something, return it under changes, e.g.:\n")
        .append("  -- return { modified = true, changes = ").append(luaTable(change))
        .append(", message = \"what the hook did\" }\n"));
    if (point.phase() == Phase.BEFORE) {
      lua.append("  -- To veto the action (the host then does not do it), halt:\n")
          .append("  -- if something_is_wrong then\n")
          .append("  --   return { halt = true, message = \"why the action is vetoed\" }\n")
          .append("  -- end\n");
    }
    return lua.append("  return { modified = false }\nend\n").toString();
  }

  /** How one scripting language writes what the templates need: its first lines, a log line, a JSON result. */
  private record Script(String start, String logGot, Function<String, String> print, String exit) {}

  private String shell() {
    return script(new Script("#!/bin/sh\n", "event_json=$(cat)   # the whole event, as JSON\n"
        + "echo \"got $" + envVar() + "\" >&2", json -> "echo '" + json.replace("'", "'\\''") + "'", "exit 0"));
  }

  private String python() {
    return script(new Script("#!/usr/bin/env python3\n", "import json\nimport os\nimport sys\n\n"
        + "event = json.load(sys.stdin)  # the whole event\n"
        + "print(\"got\", os.environ.get(\"" + envVar() + "\"), file=sys.stderr)",
        json -> "print(" + pythonString(json) + ")", "sys.exit(0)"));
  }

  // #!...  metadata header, fields, what may change
  // <read the event>; log "got <first field>"
  // # commented change and (before_ only) veto
  // print {"modified": false}
  private String script(Script script) {
    StringBuilder out = new StringBuilder(script.start());
    header(out);
    out.append(script.logGot()).append("   # stderr goes to the hook's log\n");
    example().ifPresent(change -> out.append("# To change something, print it under \"changes\", e.g.:\n")
        .append("#   ").append(script.print().apply(result(change))).append('\n'));
    if (point.phase() == Phase.BEFORE) {
      out.append("# To veto the action (the host then does not do it), halt:\n")
          .append("#   ").append(script.print().apply("{\"halt\": true, \"message\": \"why the action is vetoed\"}"))
          .append("; ").append(script.exit()).append('\n');
    }
    return out.append(script.print().apply("{\"modified\": false}")).append('\n').toString();
  }

  /** A script's header: its metadata, then what the event is and what it carries. */
  private void header(StringBuilder out) {
    out.append("# name: ").append(name).append('\n')
        .append("# description: What it does\n")
        .append("# version: 0.1.0\n")
        .append("# timeout_ms: 10000\n")
        .append("#\n");
    about(out, "#");
    fields(out, "#", true);
    out.append('\n');
  }

  private void about(StringBuilder out, String comment) {
    out.append(comment).append(" A hook for ").append(point.name()).append(" (").append(point.mode())
        .append("), from ").append(point.source()).append('\n');
    if (!point.description().isEmpty()) {
      out.append(comment).append(' ').append(oneLine(point.description())).append('\n');
    }
    out.append(comment).append(" Test it:   ").append(testCommand).append('\n')
        .append(comment).append(" Its page:  ").append(hooksCommand).append(" docs ").append(point.name()).append('\n');
  }

  private void fields(StringBuilder out, String comment, boolean process) {
    out.append(comment).append('\n').append(comment).append(process
        ? " The event is JSON on stdin; these fields are also in environment variables:\n"
        : " The event's fields (event.<field>):\n");
    int width = point.fields().stream().mapToInt(field -> field.path().length()).max().orElse(0);
    for (FieldInfo field : point.fields()) {
      if (process && field.envVar() == null) {
        continue;
      }
      String line = process ? String.format("%-36s %s", field.envVar(), field.path())
          : String.format("%-" + width + "s  %s", field.path(), field.type());
      out.append(comment).append("   ").append(line)
          .append(field.doc().isEmpty() ? "" : "  " + oneLine(field.doc())).append('\n');
    }
    List<String> changeable = point.changeableFields().stream().map(FieldInfo::path).toList();
    out.append(comment).append('\n');
    if (point.async()) {
      out.append(comment).append(" It runs in the background, after the fact: nothing may change.\n");
    } else if (changeable.isEmpty()) {
      out.append(comment).append(" Nothing of this event may change.\n");
    } else {
      out.append(comment).append(" What a hook may change (return it under changes):\n");
      changeable.forEach(path -> out.append(comment).append("   changes.").append(path).append('\n'));
    }
  }

  /** The Lua expression that reads the first field with a variable, without failing on a missing record. */
  private String luaRead() {
    Optional<FieldInfo> sample = point.fields().stream().filter(field -> field.envVar() != null).findFirst();
    if (sample.isEmpty()) {
      return "event.event";
    }
    String[] parts = sample.get().path().split("\\.");
    List<String> reads = new ArrayList<>();
    StringBuilder path = new StringBuilder("event");
    for (String part : parts) {
      path.append('.').append(part);
      reads.add(path.toString());
    }
    return String.join(" and ", reads);
  }

  private String envVar() {
    return point.fields().stream().map(FieldInfo::envVar).filter(v -> v != null).findFirst().orElse("HOOK_EVENT");
  }

  /** The changes of one changeable scalar, set to its value in the example payload, as nested maps. */
  private Optional<Map<String, Object>> example() {
    if (point.async()) {
      return Optional.empty();
    }
    Map<String, Object> payload = JsonOutput.map(point.examplePayload());
    for (FieldInfo field : point.changeableFields()) {
      if (field.envVar() == null) {
        continue;
      }
      Object value = payload;
      for (String part : field.path().split("\\.")) {
        value = value instanceof Map<?, ?> map ? map.get(part) : null;
      }
      if (value == null || value instanceof Map || value instanceof List) {
        continue;
      }
      Map<String, Object> changes = new LinkedHashMap<>();
      Map<String, Object> at = changes;
      String[] parts = field.path().split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        Map<String, Object> inner = new LinkedHashMap<>();
        at.put(parts[i], inner);
        at = inner;
      }
      at.put(parts[parts.length - 1], value);
      return Optional.of(changes);
    }
    return Optional.empty();
  }

  private static String result(Map<String, Object> changes) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("modified", true);
    result.put("changes", changes);
    result.put("message", "what the hook did");
    return JsonOutput.text(result);
  }

  private String resultClass() {
    String event = point.eventType().getSimpleName();
    return (event.endsWith("Event") ? event.substring(0, event.length() - "Event".length()) : event) + "Result";
  }

  private static String luaTable(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      map.forEach((key, inner) -> entries.add(key + " = " + luaTable(inner)));
      return "{ " + String.join(", ", entries) + " }";
    }
    return value instanceof String text ? luaString(text) : String.valueOf(value);
  }

  private static String luaString(String text) {
    return JsonOutput.text(text);  // a JSON string is a Lua string for every character a template holds
  }

  private static String pythonString(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
