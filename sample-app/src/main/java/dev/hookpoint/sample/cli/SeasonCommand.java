package dev.hookpoint.sample.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code season monitor MEDIA_ID SEASON --monitored true|false}. */
@Command(name = "season", description = "A whole season.", subcommands = SeasonCommand.Monitor.class)
final class SeasonCommand {

  @ParentCommand SampleApp root;

  /** {@code season monitor MEDIA_ID SEASON --monitored true|false}. */
  @Command(name = "monitor", description = "Monitor or unmonitor every episode of a season.")
  static final class Monitor implements Runnable {
    @ParentCommand SeasonCommand season;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MEDIA_ID") long mediaId;
    @Parameters(index = "1", paramLabel = "SEASON") int seasonNumber;
    @Option(names = "--monitored", arity = "1", required = true) boolean monitored;

    @Override
    public void run() {
      int count = season.root.app(false).setSeasonMonitoring(mediaId, seasonNumber, monitored);
      spec.commandLine().getOut().println("{\"count\": " + count + "}");
    }
  }
}
