package dev.hookpoint.sample.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code episodes refresh|list MEDIA_ID}. */
@Command(name = "episodes", description = "A show's episodes.",
    subcommands = {EpisodesCommand.Refresh.class, EpisodesCommand.ListEpisodes.class})
final class EpisodesCommand {

  @ParentCommand SampleApp root;

  /** {@code episodes refresh MEDIA_ID}. */
  @Command(name = "refresh", description = "Create a show's missing episodes.")
  static final class Refresh implements Runnable {
    @ParentCommand EpisodesCommand episodes;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "MEDIA_ID") long mediaId;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), episodes.root.app(false).refreshEpisodes(mediaId));
    }
  }

  /** {@code episodes list MEDIA_ID}. */
  @Command(name = "list", description = "List a show's episodes as JSON.")
  static final class ListEpisodes implements Runnable {
    @ParentCommand EpisodesCommand episodes;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "MEDIA_ID") long mediaId;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), episodes.root.app(false).episodes(mediaId));
    }
  }
}
