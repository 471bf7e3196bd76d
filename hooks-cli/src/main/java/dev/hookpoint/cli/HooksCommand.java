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

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
