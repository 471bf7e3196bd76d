package dev.hookpoint.runtime.cli;

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

  CheckCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HookRuntime hooks = runtime.get();
    List<HookRuntime.Problem> problems = hooks.check();
    problems.forEach(out::println);
    if (problems.isEmpty()) {
      out.println("All hooks in " + hooks.hooksDirectory() + " are fine.");
    }
    out.flush();
    return problems.isEmpty() ? 0 : 1;
  }
}
