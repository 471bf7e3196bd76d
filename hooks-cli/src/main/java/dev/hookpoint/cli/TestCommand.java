package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookTester;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hooks test <file> [--event E] [--payload payload.json] [--json]}: runs one hook once as a dry run on the
 * event's example payload or a given one. Exit 0 for ok or halted, 1 otherwise.
 */
@Command(name = "test", description = "Run one hook once as a dry run, on the event's example payload or a given "
    + "one. Exit 0 when it ran (ok or halted), 1 otherwise.")
final class TestCommand implements Callable<Integer> {

  private final Supplier<HookRuntime> runtime;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The hook file.")
  Path file;

  @Option(names = "--event", paramLabel = "EVENT", description = "The event; default: the file's directory name.")
  String event;

  @Option(names = "--payload", paramLabel = "FILE",
      description = "The event as JSON, the shape of the example in the event's docs; default: that example.")
  Path payload;

  @Option(names = "--json", description = "Print exactly one JSON object.")
  boolean json;

  TestCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HookRuntime hooks = runtime.get();
    RunRecord record;
    String given = null;
    try {
      given = payload == null ? null : Files.readString(payload);
      record = new HookTester(hooks).test(file, event, given);
    } catch (IOException | IllegalArgumentException e) {
      String message = e instanceof IOException ? "cannot read " + payload + ": " + e.getMessage() : e.getMessage();
      record = new RunRecord("", file.toString(), String.valueOf(event), java.time.Instant.now(), 0,
          RunStatus.LOAD_ERROR, false, Map.of(), "", new HookError(RunStatus.LOAD_ERROR.wireName(), message, file.toString(), null),
          List.of(), true);
    }
    if (json) {
      JsonOutput.print(out, report(record));
    } else {
      printText(out, record, hooks.hookPoint(record.event()), given);
    }
    return record.status() == RunStatus.OK || record.status() == RunStatus.HALTED ? 0 : 1;
  }

  static Map<String, Object> report(RunRecord record) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("status", record.status().wireName());
    report.put("duration_ms", record.durationMicros() / 1000.0);
    report.put("modified", record.modified());
    report.put("changes", record.changes());
    report.put("message", record.message());
    report.put("halt", record.status() == RunStatus.HALTED);
    report.put("logs", record.logs());
    report.put("error", record.error() == null ? null : record.error().toWire());
    return report;
  }

  private static void printText(PrintWriter out, RunRecord record, Optional<HookPointDescriptor<?, ?>> point,
      String given) {
    out.printf("%s in %.3f ms (dry run)%n", record.status().wireName(), record.durationMicros() / 1000.0);
    if (record.error() != null) {
      HookError error = record.error();
      // Where it is known; a line nobody knows is left out rather than guessed (JSON keeps "line": null).
      String where = error.file() == null || error.file().isEmpty() ? ""
          : error.file() + (error.line() == null ? "" : ":" + error.line()) + ": ";
      out.println(where + error.message());
    }
    if (!record.message().isEmpty()) {
      out.println("message: " + record.message());
    }
    if (record.modified() || !record.changes().isEmpty()) {
      out.println("changes:");
      List<String> lines = ChangeLines.of(record.changes(), before(point, given), recordPaths(point));
      if (lines.isEmpty()) {
        out.println("  (none)");
      }
      // The changes are the hook's data, kept as it gave them; only the terminal sees them escaped.
      lines.forEach(line -> out.println("  " + HookLog.escape(line)));
    }
    if (!record.logs().isEmpty()) {
      out.println("logs:");
      record.logs().forEach(line -> out.println("  " + line));
    }
    out.flush();
  }

  /** The payload the hook ran on, to show each change as {@code old -> new}; empty when it cannot be read. */
  private static Map<String, Object> before(Optional<HookPointDescriptor<?, ?>> point, String given) {
    String json = given != null ? given : point.map(HookPointDescriptor::examplePayload).orElse(null);
    return json == null ? Map.of() : JsonOutput.map(json);
  }

  /** The paths of the event's records, whose changes are shown field by field. */
  private static Set<String> recordPaths(Optional<HookPointDescriptor<?, ?>> point) {
    Set<String> records = new HashSet<>();
    point.ifPresent(descriptor -> descriptor.fields().forEach(field -> {
      int dot = field.path().lastIndexOf('.');
      for (; dot > 0; dot = field.path().lastIndexOf('.', dot - 1)) {
        records.add(field.path().substring(0, dot));
      }
    }));
    return records;
  }
}
