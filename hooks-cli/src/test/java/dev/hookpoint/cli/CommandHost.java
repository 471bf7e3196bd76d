package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.testing.ScriptExecutor;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A host in its own JVM, run by tests as an operator runs {@code hooks} beside a server: it starts a runtime over
 * {@code <root>/hooks} with the default stores and runs one {@code hooks} command. Arguments: the root, then the
 * command's.
 */
public final class CommandHost {

  private CommandHost() {}

  public static void main(String[] args) {
    int exitCode;
    try (HookRuntime runtime = TestRuntime.builder(Path.of(args[0]), "", new ScriptExecutor()).build().start()) {
      exitCode = HooksCommand.commandLine(() -> runtime).execute(Arrays.copyOfRange(args, 1, args.length));
    }
    System.exit(exitCode);
  }
}
