package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import picocli.CommandLine;

/** What one {@code hooks} command, run in this JVM, printed and returned. */
record CommandResult(int exitCode, String out, String err) {

  static CommandResult run(Supplier<HookRuntime> runtime, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine hooks = HooksCommand.commandLine(runtime);
    hooks.setOut(new PrintWriter(out));
    hooks.setErr(new PrintWriter(err));
    int exitCode = hooks.execute(args);
    return new CommandResult(exitCode, out.toString(), err.toString());
  }
}
