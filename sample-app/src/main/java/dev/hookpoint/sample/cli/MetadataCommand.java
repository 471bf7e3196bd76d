package dev.hookpoint.sample.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code metadata enrich MEDIA_ID [--provider P]}. */
@Command(name = "metadata", description = "Fetch metadata.", subcommands = MetadataCommand.Enrich.class)
final class MetadataCommand {

  @ParentCommand SampleApp root;

  /** {@code metadata enrich MEDIA_ID}. */
  @Command(name = "enrich", description = "Fetch and store an item's metadata from a provider.")
  static final class Enrich implements Runnable {
    @ParentCommand MetadataCommand metadata;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "MEDIA_ID") long mediaId;
    @Option(names = "--provider", defaultValue = "tmdb") String provider;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), metadata.root.app(false).enrichMetadata(mediaId, provider));
    }
  }
}
