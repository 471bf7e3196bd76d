package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookTester;
import dev.hookpoint.runtime.contract.FieldInfo;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hooks events [EVENT] [--json]}: the hook points of the generated catalog, one line each; with an event,
 * that event's fields, what hooks may change and its example payload.
 */
@Command(name = "events", description = "List the hook points: the events hooks can be written for. With EVENT, "
    + "show that event's fields and example payload ('hooks docs EVENT' prints its whole page).")
final class EventsCommand implements Callable<Integer> {

  private final Supplier<HookRuntime> runtime;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "EVENT", description = "One event, e.g. before_media_added.")
  String event;

  @Option(names = "--json", description = "Print JSON: a list, or with EVENT one object.")
  boolean json;

  EventsCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HookRuntime hooks = runtime.get();
    if (event != null) {
      Optional<HookPointDescriptor<?, ?>> point = hooks.hookPoint(event);
      if (point.isEmpty()) {
        spec.commandLine().getErr().println(new HookTester(hooks).unknownEvent(event));
        spec.commandLine().getErr().flush();
        return 1;
      }
      if (json) {
        JsonOutput.print(out, entry(point.get()));
      } else {
        printOne(out, point.get());
      }
      return 0;
    }
    List<HookPointDescriptor<?, ?>> points = hooks.hookPoints();
    if (json) {
      JsonOutput.print(out, points.stream().map(EventsCommand::entry).toList());
      return 0;
    }
    for (HookPointDescriptor<?, ?> point : points) {
      out.println(oneLine(point));
    }
    out.flush();
    return 0;
  }

  /** An event in one line: name, mode, what it is. */
  static String oneLine(HookPointDescriptor<?, ?> point) {
    return String.format("%-32s %-5s %s", point.name(), point.mode(),
        point.description().isEmpty() ? point.source() : point.description().replaceAll("\\s+", " "));
  }

  private void printOne(PrintWriter out, HookPointDescriptor<?, ?> point) {
    String hooksCommand = spec.parent().qualifiedName();
    out.println(point.name() + " (" + point.mode() + ", from " + point.source() + ")");
    if (!point.description().isEmpty()) {
      out.println(point.description().replaceAll("\\s+", " "));
    }
    out.println();
    out.println("Fields (* = hooks may change it):");
    int width = point.fields().stream().mapToInt(field -> field.path().length()).max().orElse(0);
    for (FieldInfo field : point.fields()) {
      out.printf("  %s %-" + width + "s  %-20s %-28s %s%n", field.changeable() ? "*" : " ", field.path(),
          field.type(), field.envVar() == null ? "" : field.envVar(), field.doc().replaceAll("\\s+", " "));
    }
    out.println();
    out.println("Example payload:");
    out.println(JsonOutput.pretty(point.examplePayload()).indent(2).stripTrailing());
    out.println();
    out.println("Whole page: " + hooksCommand + " docs " + point.name() + "; a hook to start from: "
        + hooksCommand + " new " + point.name());
    out.flush();
  }

  private static Map<String, Object> entry(HookPointDescriptor<?, ?> point) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", point.name());
    entry.put("mode", point.mode());
    entry.put("description", point.description());
    entry.put("source", point.source());
    entry.put("event_type", point.eventType().getName());
    entry.put("changes_type", point.changesType().getName());
    List<Map<String, Object>> fields = new ArrayList<>();
    for (FieldInfo field : point.fields()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", field.path());
      f.put("type", field.type());
      f.put("doc", field.doc());
      f.put("env_var", field.envVar());
      f.put("changeable", field.changeable());
      fields.add(f);
    }
    entry.put("fields", fields);
    entry.put("example_payload", JsonOutput.tree(point.examplePayload()));
    return entry;
  }
}
