package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.InstalledHook;
import dev.hookpoint.runtime.ProcessSandbox;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.HookStats;
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

/** {@code hooks list [--json]}: the discovered hooks with their order, executor, switch and load status. */
@Command(name = "list", description = "List the discovered hooks, in run order.")
final class ListCommand implements Callable<Integer> {

  private final Supplier<HookRuntime> runtime;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  ListCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HookRuntime hooks = runtime.get();
    List<InstalledHook> registered = hooks.hooks();
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      String sandbox = hooks.processSandbox().map(ProcessSandbox::name).orElse(null);
      for (InstalledHook hook : registered) {
        Map<String, Object> entry = entry(hook, hooks.metrics().of(hook.id()));
        // Which sandbox a hook runs in belongs to the hook: only process hooks have one.
        entry.put("sandbox", "process".equals(hook.executorName()) ? sandbox : null);
        list.add(entry);
      }
      JsonOutput.print(out, list);
      return 0;
    }
    if (registered.isEmpty()) {
      out.println("No hooks in " + hooks.hooksDirectory());
    }
    for (InstalledHook hook : registered) {
      out.printf("%-48s %-8s %-8s %-10s %s%n", hook.id(), hook.executorName(),
          hook.enabled() ? "enabled" : "disabled", loadStatus(hook),
          hook.loadError() == null ? hook.metadata().name() : hook.loadError().getMessage());
    }
    hooks.processSandbox().ifPresent(sandbox -> out.println(sandbox.name().equals("none")
        ? "Process hooks run WITHOUT a sandbox (none): " + sandbox.why()
        : "Process hooks run in the " + sandbox.name() + " sandbox."));
    if (!hooks.stateStore().persistent()) {
      out.println("Switches shown are this process's: " + HooksCommand.inMemoryOnly(hooks, "hook switches"));
    }
    out.flush();
    return 0;
  }

  private static String loadStatus(InstalledHook hook) {
    return hook.loaded() ? "loaded" : "load_error";
  }

  private static Map<String, Object> entry(InstalledHook hook, HookStats.Snapshot stats) {
    HookMetadata metadata = hook.metadata();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", hook.id());
    entry.put("event", hook.event());
    entry.put("file", hook.file().toString());
    entry.put("order", hook.order());
    entry.put("executor", hook.executorName());
    entry.put("enabled", hook.enabled());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", metadata.name());
    meta.put("description", metadata.description());
    meta.put("author", metadata.author());
    meta.put("version", metadata.version());
    meta.put("timeout_ms", metadata.timeoutMs());
    entry.put("metadata", meta);
    entry.put("load_status", loadStatus(hook));
    entry.put("load_error", hook.loadError() == null ? null : HookError.of(hook.loadError()).toWire());
    entry.put("sha256", hook.sha256());
    entry.put("metrics", stats.toWire());
    return entry;
  }
}
