package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookCheck;
import dev.hookpoint.runtime.HookRuntime;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hooks check}: validates every hook; prints {@code file:line: message}; exit 1 when anything is wrong. */
@Command(name = "check", description = "Validate every hook (syntax, permissions, event directories, metadata). "
    + "Exit 1 when anything is wrong.")
final class CheckCommand implements Callable<Integer> {

  private final Supplier<HookRuntime> runtime;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--lock", description = "Then write hooks.lock with the SHA-256 of every hook, for "
      + "hooks.require_lock.")
  boolean lock;

  CheckCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HookRuntime hooks = runtime.get();
    HookCheck check = new HookCheck(hooks);
    if (lock) {
      try {
        int count = check.writeLock();
        out.println("Wrote " + hooks.hooksDirectory().resolve("hooks.lock") + " (" + count + " hooks).");
      } catch (java.io.IOException e) {
        spec.commandLine().getErr().println("cannot write hooks.lock: " + e.getMessage());
        return 1;
      }
    }
    List<HookCheck.Problem> problems = check.problems();
    problems.forEach(out::println);
    // A warning, not a problem: the hooks are fine, where they run is the operator's choice.
    hooks.processSandbox().filter(sandbox -> sandbox.name().equals("none")).ifPresent(sandbox -> out.println(
        "warning: process hooks run without a sandbox: " + sandbox.why() + " (see docs/process-hooks.md)"));
    if (problems.isEmpty()) {
      out.println("All hooks in " + hooks.hooksDirectory() + " are fine.");
    }
    out.flush();
    return problems.isEmpty() ? 0 : 1;
  }
}
