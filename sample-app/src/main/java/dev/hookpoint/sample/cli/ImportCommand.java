package dev.hookpoint.sample.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code import DOWNLOAD_ID}. */
@Command(name = "import", description = "Import a finished download into the library.")
final class ImportCommand implements Runnable {

  @ParentCommand SampleApp root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Parameters(paramLabel = "DOWNLOAD_ID") long downloadId;

  @Override
  public void run() {
    Output.print(spec.commandLine().getOut(), root.app(false).importDownload(downloadId));
  }
}
