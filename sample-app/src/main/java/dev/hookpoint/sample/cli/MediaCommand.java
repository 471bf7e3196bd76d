package dev.hookpoint.sample.cli;

import dev.hookpoint.sample.domain.MediaItem;
import dev.hookpoint.sample.domain.MediaType;
import dev.hookpoint.sample.domain.NewMedia;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code media add|list|show|delete|search}. */
@Command(name = "media", description = "Add, list, show, delete and search media items.",
    subcommands = {MediaCommand.Add.class, MediaCommand.ListItems.class, MediaCommand.Show.class,
        MediaCommand.Delete.class, MediaCommand.Search.class})
final class MediaCommand {

  @ParentCommand SampleApp root;

  /** {@code media add --type tv_show|movie --title T [--year Y] [--tmdb-id N]}. */
  @Command(name = "add", description = "Add a media item through the hooked service; prints it as stored "
      + "(after hooks). A veto exits with code 3.")
  static final class Add implements Runnable {
    @ParentCommand MediaCommand media;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--type", required = true, description = "tv_show or movie") String type;
    @Option(names = "--title", required = true) String title;
    @Option(names = "--year") Integer year;
    @Option(names = "--tmdb-id") Long tmdbId;

    @Override
    public void run() {
      MediaType mediaType;
      try {
        mediaType = MediaType.valueOf(type.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--type must be tv_show or movie, got "
            + type);
      }
      MediaItem item = media.root.app(false).addMedia(new NewMedia(mediaType, title, year, tmdbId, true));
      Output.print(spec.commandLine().getOut(), item);
    }
  }

  /** {@code media list [--json]}. */
  @Command(name = "list", description = "List the media items.")
  static final class ListItems implements Runnable {
    @ParentCommand MediaCommand media;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public void run() {
      var items = media.root.app(false).mediaItems();
      if (json) {
        Output.print(spec.commandLine().getOut(), items);
        return;
      }
      if (items.isEmpty()) {
        spec.commandLine().getOut().println("No media items yet; try: media add --type movie --title Heat");
      }
      for (MediaItem item : items) {
        spec.commandLine().getOut().printf("%4d  %-8s %-40s %-6s %s%n", item.id(), item.type(),
            Output.shown(item.title()), item.year() == null ? "" : item.year(), Output.shown(item.qualityProfile()));
      }
      spec.commandLine().getOut().flush();
    }
  }

  /** {@code media show ID}. */
  @Command(name = "show", description = "Show one media item as JSON.")
  static final class Show implements Runnable {
    @ParentCommand MediaCommand media;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), media.root.app(false).mediaItem(id));
    }
  }

  /** {@code media delete ID}. */
  @Command(name = "delete", description = "Delete a media item with its episodes, downloads and files.")
  static final class Delete implements Runnable {
    @ParentCommand MediaCommand media;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;

    @Override
    public void run() {
      media.root.app(false).deleteMedia(id);
      spec.commandLine().getOut().println("deleted media item " + id);
    }
  }

  /** {@code media search ID}. */
  @Command(name = "search", description = "Run an automatic search for an item; prints what was found and picked.")
  static final class Search implements Runnable {
    @ParentCommand MediaCommand media;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;

    @Override
    public void run() {
      Output.print(spec.commandLine().getOut(), media.root.app(false).search(id));
    }
  }
}
