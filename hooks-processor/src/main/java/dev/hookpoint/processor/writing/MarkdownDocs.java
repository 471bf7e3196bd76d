package dev.hookpoint.processor.writing;

import dev.hookpoint.processor.model.ChangeShape;
import dev.hookpoint.processor.model.Examples;
import dev.hookpoint.processor.model.FlatField;
import dev.hookpoint.processor.model.HookPointModel;
import dev.hookpoint.processor.model.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code <event>.md}, the page a hook author reads: what the event is, when it fires, every field, what
 * may change, the environment variables, an example payload and templates to start from.
 */
final class MarkdownDocs {

  private MarkdownDocs() {}

  static String of(HookPointModel point) {
    StringBuilder md = new StringBuilder();
    md.append("# `").append(point.eventName()).append("`\n\n");
    if (!point.description().isEmpty()) {
      md.append(point.description()).append("\n\n");
    }
    md.append("| | |\n|---|---|\n")
        .append("| Fires | ").append(when(point)).append(" |\n")
        .append("| Runs | ").append(runs(point)).append(" |\n")
        .append("| Hooks go in | `hooks/").append(point.eventName()).append("/NN_name.lua` or any executable |\n")
        .append("| Default timeout | ").append(point.timeoutMs() < 0
            ? "the configured default (Lua 5 s, process 30 s out of the box)" : point.timeoutMs() + " ms").append(" |\n\n");
    fields(point, md);
    changes(point, md);
    md.append("## Example payload\n\n")
        .append("What a hook receives: as the `event` table in Lua, as JSON on stdin for a process.\n\n")
        .append("```json\n").append(Json.pretty(Examples.event(point))).append("\n```\n\n");
    templates(point, md);
    md.append("Machine-readable: `").append(point.eventName()).append(".schema.json` (payload), `")
        .append(point.eventName()).append(".result.schema.json` (result), `").append(point.eventName())
        .append(".d.lua` (LuaLS types for editors).\n");
    return md.toString();
  }

  private static String when(HookPointModel point) {
    return switch (point.phase()) {
      case BEFORE -> "before `" + point.source() + "` runs";
      case AFTER -> "after `" + point.source() + "` returns";
      case ON -> "when `" + point.source() + "` has returned";
    };
  }

  private static String runs(HookPointModel point) {
    if (point.async()) {
      return "in the background; the host does not wait, and changes are ignored";
    }
    return point.phase() == HookPointModel.Phase.BEFORE
        ? "synchronously, in order; a hook may change the arguments, and `halt = true` vetoes the action"
        : "synchronously, in order; a hook may change the result, and `halt = true` stops the chain";
  }

  private static void fields(HookPointModel point, StringBuilder md) {
    md.append("## Fields\n\n")
        .append("| Field | Type | Changeable | Env var | Description |\n|---|---|---|---|---|\n")
        .append("| `event` | string | | `HOOK_EVENT` | `").append(point.eventName()).append("` |\n")
        .append("| `timestamp` | string | | `HOOK_TIMESTAMP` | when the event fired, ISO-8601 |\n");
    for (FlatField field : FlatField.of(point)) {
      md.append("| `").append(field.path()).append("` | ").append(field.field().type().docName().replace("|", "\\|"))
          .append(field.field().type().nullable() ? " or null" : "")
          .append(" | ").append(field.changeable() ? "yes" : "")
          .append(" | ").append(field.envVar() == null ? "" : "`" + field.envVar() + "`")
          .append(" | ").append(cell(field.field().doc())).append(" |\n");
    }
    md.append("| `context.user_id` | integer or null | | `HOOK_USER_ID` | the user who triggered the event |\n")
        .append("| `context.settings` | object | | | application settings for hooks |\n")
        .append("| `context.dry_run` | boolean | | `HOOK_DRY_RUN` | true when the hook runs as a test |\n\n")
        .append("Process hooks get lists and objects as JSON in their variable. Every hook also sees the ")
        .append("fields under `event.data`.\n\n");
  }

  private static void changes(HookPointModel point, StringBuilder md) {
    md.append("## What a hook may change\n\n");
    if (point.changes().isEmpty()) {
      md.append("Nothing: ").append(point.async()
              ? "the event runs in the background, after the fact."
              : "no field of this event is changeable.")
          .append(" Any `changes` a hook returns is reported as a `data_error`.\n\n");
      return;
    }
    md.append("Only these keys, all optional; anything else is a `data_error` and that hook's changes are ")
        .append("ignored:\n\n");
    for (String path : FlatField.changeablePaths(point)) {
      md.append("- `changes.").append(path).append("`\n");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("modified", new Json.Raw("true"));
    result.put("changes", exampleChanges(point.changes()));
    result.put("message", "what the hook did");
    md.append("\nA result that changes everything it may:\n\n```json\n").append(Json.pretty(result))
        .append("\n```\n\n");
  }

  private static Map<String, Object> exampleChanges(List<ChangeShape> shapes) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (ChangeShape shape : shapes) {
      changes.put(shape.field().wireName(), shape instanceof ChangeShape.Partial partial
          ? exampleChanges(partial.components()) : Examples.tree(shape.field()));
    }
    return changes;
  }

  private static void templates(HookPointModel point, StringBuilder md) {
    FlatField sample = FlatField.of(point).stream().filter(field -> field.envVar() != null).findFirst()
        .orElse(null);
    String luaPath = sample == null ? "event.event" : "event." + sample.path();
    String envVar = sample == null ? "HOOK_EVENT" : sample.envVar();
    md.append("## Lua template\n\n```lua\n")
        .append("-- hooks/").append(point.eventName()).append("/50_my_hook.lua\n")
        .append("hook = {\n  name = \"My hook\",\n  description = \"What it does\",\n")
        .append("  author = \"you\",\n  version = \"1.0.0\",\n}\n\n")
        .append("---@param event ").append(point.eventClass().simpleName()).append('\n')
        .append("function execute(event, context)\n")
        .append("  log.info(\"got \" .. tostring(").append(luaPath).append("))\n")
        .append("  return { modified = false }\nend\n```\n\n")
        .append("## Shell template\n\n```sh\n#!/bin/sh\n")
        .append("# hooks/").append(point.eventName()).append("/60_my_hook.sh  (chmod +x it)\n")
        .append("# name: My hook\n# description: What it does\n# timeout_ms: 10000\n")
        .append("event_json=$(cat)   # the whole event, as JSON\n")
        .append("echo \"got $").append(envVar).append("\" >&2   # stderr goes to the hook's log\n")
        .append("echo '{\"modified\": false}'\n```\n\n");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replaceAll("\\s+", " ").strip();
  }
}
