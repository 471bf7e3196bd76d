package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.contract.FieldInfo;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hooks events [--json]}: the hook points of the generated catalog. */
@Command(name = "events", description = "List the hook points: the events hooks can be written for.")
final class EventsCommand implements Callable<Integer> {

  private final Supplier<HookRuntime> runtime;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  EventsCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<HookPointDescriptor<?, ?>> points = runtime.get().hookPoints();
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (HookPointDescriptor<?, ?> point : points) {
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
        list.add(entry);
      }
      JsonOutput.print(out, list);
      return 0;
    }
    for (HookPointDescriptor<?, ?> point : points) {
      out.printf("%-32s %-5s %s%n", point.name(), point.mode(),
          point.description().isEmpty() ? point.source() : point.description().replaceAll("\\s+", " "));
    }
    out.flush();
    return 0;
  }
}
