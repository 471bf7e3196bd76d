package dev.hookpoint.sample.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code download start|complete|fail|cancel|list}: the download client and what it reports. */
@Command(name = "download", description = "Start downloads and report on them as the download client would.",
    subcommands = {DownloadCommand.Start.class, DownloadCommand.Complete.class, DownloadCommand.Fail.class,
        DownloadCommand.Cancel.class, DownloadCommand.ListDownloads.class})
final class DownloadCommand {

  @ParentCommand SampleApp root;

  /** {@code download start MEDIA_ID}. */
  @Command(name = "start", description = "Search for an item and send the selected release to the client.")
  static final class Start implements Runnable {
    @ParentCommand DownloadCommand download;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "MEDIA_ID") long mediaId;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), download.root.app(false).startDownload(mediaId));
    }
  }

  /** {@code download complete ID}. */
  @Command(name = "complete", description = "Report a download as finished (as the client would).")
  static final class Complete implements Runnable {
    @ParentCommand DownloadCommand download;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), download.root.app(false).completeDownload(id));
    }
  }

  /** {@code download fail ID [--error MESSAGE]}. */
  @Command(name = "fail", description = "Report a download as failed (as the client would).")
  static final class Fail implements Runnable {
    @ParentCommand DownloadCommand download;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;
    @Option(names = "--error", defaultValue = "tracker unreachable") String error;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), download.root.app(false).failDownload(id, error));
    }
  }

  /** {@code download cancel ID}. */
  @Command(name = "cancel", description = "Cancel a download.")
  static final class Cancel implements Runnable {
    @ParentCommand DownloadCommand download;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), download.root.app(false).cancelDownload(id));
    }
  }

  /** {@code download list}. */
  @Command(name = "list", description = "List the downloads as JSON.")
  static final class ListDownloads implements Runnable {
    @ParentCommand DownloadCommand download;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), download.root.app(false).downloads());
    }
  }
}
