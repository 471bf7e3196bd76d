package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.history.StoreException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hooks runs [--status S] [--limit N] [--json]}: the run history, newest first, dry runs marked. A history kept in memory
 * is this process's only, and the command says so rather than showing it as the host's.
 */
@Command(name = "runs", description = "Show the run history, newest first.")
final class RunsCommand implements Callable<Integer> {

  /** Marks a dry run ({@code hooks test}) in the text, so that test runs do not pass for the host's own. */
  static final String DRY_RUN = "[dry run] ";

  private final Supplier<HookRuntime> runtime;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default 20).")
  int limit;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--status", paramLabel = "STATUS", description = "Only runs that ended so: ok, halted, skipped, "
      + "load_error, execution_error, timeout, data_error, lost, dead, or error for any error.")
  String status;

  RunsCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  /** Every run without {@code --status}; with it, those that ended so ({@code error}: in any error category). */
  private java.util.function.Predicate<RunRecord> statusFilter() {
    if (status == null) {
      return run -> true;
    }
    if (status.equals("error")) {
      return run -> run.status().isError();
    }
    for (RunStatus known : RunStatus.values()) {
      if (known.wireName().equals(status)) {
        return run -> run.status() == known;
      }
    }
    throw new IllegalArgumentException("--status " + status + " is not a status: use error or one of "
        + java.util.Arrays.stream(RunStatus.values()).map(RunStatus::wireName)
            .collect(java.util.stream.Collectors.joining(", ")));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HookRuntime hooks = runtime.get();
    List<RunRecord> runs;
    java.util.function.Predicate<RunRecord> wanted;
    try {
      wanted = statusFilter();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    try {
      runs = status == null ? hooks.runStore().recent(Math.max(0, limit))
          : hooks.runStore().recent(hooks.effectiveConfig().hooks().history().maxRuns()).stream().filter(wanted)
              .limit(Math.max(0, limit)).toList();
    } catch (StoreException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    String inMemory = hooks.runStore().persistent() ? null : HooksCommand.inMemoryOnly(hooks, "the run history");
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
      if (inMemory != null) {
        spec.commandLine().getErr().println("Runs of this process only: " + inMemory);
      }
      return 0;
    }
    if (runs.isEmpty()) {
      out.println(inMemory == null ? "No runs recorded yet." : "No runs in this process: " + inMemory);
    }
    for (RunRecord run : runs) {
      String detail = run.error() == null ? run.message()
          : run.error().message() + (run.error().line() == null ? "" : " (line " + run.error().line() + ")");
      out.printf("%s  %-48s %-16s %9.3f ms  %s%s%n", run.startedAt(), run.hookId(), run.status().wireName(),
          run.durationMicros() / 1000.0, run.dryRun() ? DRY_RUN : "", detail);
    }
    if (inMemory != null && !runs.isEmpty()) {
      out.println("Runs of this process only: " + inMemory);
    }
    out.flush();
    return 0;
  }
}
