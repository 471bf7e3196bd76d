package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookTester;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    RunRecord record;
    try {
      String given = payload == null ? null : Files.readString(payload);
      record = new HookTester(runtime.get()).test(file, event, given);
    } catch (IOException | IllegalArgumentException e) {
      String message = e instanceof IOException ? "cannot read " + payload + ": " + e.getMessage() : e.getMessage();
      record = new RunRecord("", file.toString(), String.valueOf(event), java.time.Instant.now(), 0,
          RunStatus.LOAD_ERROR, false, Map.of(), "", new HookError(RunStatus.LOAD_ERROR.wireName(), message, file.toString(), null),
          List.of(), true);
    }
    if (json) {
      JsonOutput.print(out, report(record));
    } else {
      printText(out, record);
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
    report.put("error", Errors.toMap(record.error()));
    return report;
  }

  private static void printText(PrintWriter out, RunRecord record) {
    out.printf("%s in %.3f ms (dry run)%n", record.status().wireName(), record.durationMicros() / 1000.0);
    if (record.error() != null) {
      HookError error = record.error();
      out.printf("%s:%s: %s%n", error.file(), error.line() == null ? 1 : error.line(), error.message());
    }
    if (!record.message().isEmpty()) {
      out.println("message: " + record.message());
    }
    if (record.modified() || !record.changes().isEmpty()) {
      // The changes are the hook's data, kept as it gave them; only the terminal sees them escaped.
      out.println("changes: " + dev.hookpoint.runtime.executor.HookLog.escape(String.valueOf(record.changes())));
    }
    if (!record.logs().isEmpty()) {
      out.println("logs:");
      record.logs().forEach(line -> out.println("  " + line));
    }
    out.flush();
  }
}
