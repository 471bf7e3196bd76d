package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hooks}: the operator's and hook author's command, mounted by the host as a subcommand.
 *
 * <pre>{@code
 * new CommandLine(new App()).addSubcommand("hooks", HooksCommand.commandLine(() -> runtime));
 * }</pre>
 */
@Command(name = "hooks", mixinStandardHelpOptions = true,
    description = "Write, list, check, test and switch hooks; show hook points, their docs and the run history.")
public final class HooksCommand implements Runnable {

  /**
   * The exit code of {@code hooks enable}/{@code disable} when the switch was made but not kept: the host's state
   * store is in memory, so it is lost when the command's process exits and the running host never sees it.
   */
  public static final int NOT_KEPT = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * The command with every subcommand, each asking {@code runtime} for the runtime when it runs (so a host can
   * build it from its own options first).
   */
  public static CommandLine commandLine(Supplier<HookRuntime> runtime) {
    CommandLine hooks = new CommandLine(new HooksCommand());
    hooks.addSubcommand("events", new EventsCommand(runtime));
    hooks.addSubcommand("list", new ListCommand(runtime));
    hooks.addSubcommand("check", new CheckCommand(runtime));
    hooks.addSubcommand("test", new TestCommand(runtime));
    hooks.addSubcommand("runs", new RunsCommand(runtime));
    hooks.addSubcommand("enable", new SwitchCommand(runtime, true));
    hooks.addSubcommand("disable", new SwitchCommand(runtime, false));
    hooks.addSubcommand("new", new NewCommand(runtime));
    hooks.addSubcommand("docs", new DocsCommand(runtime));
    // Every subcommand answers --help (and -h) with its usage, exit 0.
    hooks.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
    return hooks;
  }

  /**
   * Why {@code what} (hook switches, runs) seen or changed by this command is this process's only, and the fix:
   * for the commands whose point is another process (the running host), when the host keeps them in memory.
   */
  static String inMemoryOnly(HookRuntime hooks, String what) {
    String why = hooks.storeProblem()
        .map(problem -> "this host's store cannot be used (" + problem.getMessage() + "), so it keeps " + what
            + " in memory until that is fixed")
        .orElse("this host keeps " + what + " in memory (it has no persistent store)");
    return why + ": they are this process's only, lost when it exits and never seen by the running host. To keep "
        + "them, give the runtime a persistent store (the default SQLite file beside the hooks, or "
        + "HookRuntime.Builder.dataSource/runStore/stateStore; see docs/host-guide.md).";
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
