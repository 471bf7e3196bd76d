package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.history.RunRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hooks runs [--limit N] [--json]}: the run history, newest first. */
@Command(name = "runs", description = "Show the run history, newest first.")
final class RunsCommand implements Callable<Integer> {

  private final Supplier<HookRuntime> runtime;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default 20).")
  int limit;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  RunsCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<RunRecord> runs = runtime.get().runStore().recent(Math.max(0, limit));
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (RunRecord run : runs) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("run_id", run.runId());
        entry.put("hook", run.hookId());
        entry.put("event", run.event());
        entry.put("started_at", run.startedAt().toString());
        entry.putAll(TestCommand.report(run));
        entry.put("dry_run", run.dryRun());
        list.add(entry);
      }
      JsonOutput.print(out, list);
      return 0;
    }
    if (runs.isEmpty()) {
      out.println("No runs recorded yet.");
    }
    for (RunRecord run : runs) {
      String detail = run.error() == null ? run.message()
          : run.error().message() + (run.error().line() == null ? "" : " (line " + run.error().line() + ")");
      out.printf("%s  %-48s %-16s %9.3f ms  %s%n", run.startedAt(), run.hookId(), run.status().wireName(),
          run.durationMicros() / 1000.0, detail);
    }
    out.flush();
    return 0;
  }
}
