package dev.hookpoint.sample.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code episode update ID [--monitored true|false] [--has-file true|false]}. */
@Command(name = "episode", description = "One episode.", subcommands = EpisodeCommand.Update.class)
final class EpisodeCommand {

  @ParentCommand SampleApp root;

  /** {@code episode update ID}. */
  @Command(name = "update", description = "Change an episode's monitoring or file state.")
  static final class Update implements Runnable {
    @ParentCommand EpisodeCommand episode;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;
    @Option(names = "--monitored", arity = "1") Boolean monitored;
    @Option(names = "--has-file", arity = "1") Boolean hasFile;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), episode.root.app(false).updateEpisode(id, monitored, hasFile));
    }
  }
}
