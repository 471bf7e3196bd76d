package dev.hookpoint.sample.cli;

import dev.hookpoint.runtime.BackgroundStats;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.sample.app.Mydia;
import dev.hookpoint.sample.domain.Download;
import dev.hookpoint.sample.domain.Episode;
import dev.hookpoint.sample.domain.MediaItem;
import dev.hookpoint.sample.domain.MediaType;
import dev.hookpoint.sample.domain.NewMedia;
import dev.hookpoint.sample.domain.SearchOutcome;
import dev.hookpoint.sample.service.ImportService;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import java.util.TreeSet;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/**
 * {@code demo}: a scripted tour through every flow of the app, so that each of the 22 hook points fires, printing
 * what each installed hook did. Safe to run again: items already there are reused.
 */
@Command(name = "demo", description = "Tour every flow of the app (all 22 hook points) and show what each hook did.")
final class DemoCommand implements Runnable {

  @ParentCommand SampleApp root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Mydia app;
  private PrintWriter out;
  private final TreeSet<String> fired = new TreeSet<>();
  private final List<RunRecord> allRuns = new ArrayList<>();
  private int step;

  @Override
  public void run() {
    app = root.app(false);
    out = spec.commandLine().getOut();
    out.println("Hookpoint demo: every flow of the sample media manager, with the hooks in "
        + app.hooks().hooksDirectory());
    out.println();

    MediaItem anime = step("Add the TV show 'Attack on Titan' (2013)", List.of("before_media_added",
        "after_media_added"), () -> ensure(new NewMedia(MediaType.TV_SHOW, "Attack on Titan", 2013, 1429L, true)),
        item -> "stored as id " + item.id() + ", quality profile '" + item.qualityProfile() + "', release groups "
            + item.preferredReleaseGroups());
    step("Add 'Attack on Titan' again", List.of("before_media_added"),
        () -> app.addMedia(new NewMedia(MediaType.TV_SHOW, "Attack on Titan", 2013, 1429L, true)),
        item -> "added a duplicate as id " + item.id() + " (no hook vetoed it)");
    MediaItem movie = step("Add the movie 'Heat' (1995)", List.of("before_media_added", "after_media_added"),
        () -> ensure(new NewMedia(MediaType.MOVIE, "Heat", 1995, 949L, true)), item -> "stored as id " + item.id());
    step("Fetch metadata for 'Attack on Titan'", List.of("before_metadata_enrichment", "after_metadata_enriched"),
        () -> app.enrichMetadata(anime.id(), "tmdb"), item -> "metadata: " + item.metadata());
    step("Refresh its episodes", List.of("after_episodes_refreshed"), () -> app.refreshEpisodes(anime.id()),
        refresh -> refresh.episodeCount() + " episodes in " + refresh.seasonCount() + " seasons");
    List<Episode> episodes = app.episodes(anime.id());
    step("Mark S01E01 as downloaded", List.of("after_episode_updated"),
        () -> app.updateEpisode(episodes.get(0).id(), null, true), episode -> "has_file = " + episode.hasFile());
    step("Stop monitoring season 2", List.of("after_season_monitoring_changed"),
        () -> app.setSeasonMonitoring(anime.id(), 2, false), count -> count + " episodes changed");
    step("Search for 'Attack on Titan'", List.of("before_automatic_search", "after_release_ranked",
        "after_automatic_search"), () -> app.search(anime.id()), DemoCommand::describe);
    MediaItem obscure = step("Add and search for 'Some Obscure Documentary'", List.of("before_media_added",
        "after_media_added", "before_automatic_search", "on_no_results_found"), () -> {
          MediaItem item = ensure(new NewMedia(MediaType.MOVIE, "Some Obscure Documentary", 1971, null, true));
          app.search(item.id());
          return item;
        }, item -> "nothing found for id " + item.id());
    Download download = step("Download 'Attack on Titan'", List.of("before_automatic_search",
        "after_release_ranked", "after_automatic_search", "before_download_initiated", "after_download_initiated"),
        () -> app.startDownload(anime.id()), d -> "download " + d.id() + " of " + d.releaseTitle() + " in category '"
            + d.category() + "'");
    if (download != null) {
      step("The client reports it completed", List.of("on_download_completed"),
          () -> app.completeDownload(download.id()), d -> "status " + d.status() + ", saved at " + d.savePath());
      step("Import it into the library", List.of("before_import_started", "after_import_completed"),
          () -> app.importDownload(download.id()), result -> "imported to " + result.destinationPath());
    }
    Download failing = step("Download 'Heat', which fails", List.of("before_download_initiated",
        "after_download_initiated", "on_download_failed"), () -> app.failDownload(app.startDownload(movie.id()).id(),
            "tracker unreachable"), d -> "status " + d.status() + ": " + d.errorMessage());
    if (failing != null) {
      step("Try to import the failed download", List.of("before_import_started", "on_import_failed"), () -> {
        try {
          return app.importDownload(failing.id());
        } catch (ImportService.ImportFailedException e) {
          return null;
        }
      }, result -> result == null ? "import failed, as it should" : "imported?");
    }
    step("Download 'Heat' again, then cancel", List.of("before_download_cancelled", "after_download_cancelled"),
        () -> app.cancelDownload(app.startDownload(movie.id()).id()), d -> "status " + d.status());
    step("Delete 'Some Obscure Documentary'", List.of("before_media_deleted", "after_media_deleted"), () -> {
      app.deleteMedia(obscure.id());
      return obscure.id();
    }, id -> "deleted id " + id);

    out.println("Hook points fired: " + fired.size() + " of " + app.hooks().hookPoints().size());
    long errors = allRuns.stream().filter(run -> run.status().isError()).count();
    out.println("Hook runs: " + allRuns.size() + " (" + errors + " with errors). See them again with: "
        + "hooks runs");
    out.flush();
  }

  private MediaItem ensure(NewMedia media) {
    try {
      return app.addMedia(media);
    } catch (HookVetoException veto) {
      out.println("   (vetoed by " + veto.hookName() + ": " + veto.reason() + "; using the existing item)");
      return app.mediaItems().stream().filter(item -> item.title().equalsIgnoreCase(media.title()))
          .findFirst().orElseThrow();
    }
  }

  private static String describe(SearchOutcome outcome) {
    return outcome.searchResults().size() + " releases for '" + outcome.query() + "', selected "
        + (outcome.selectedResult() == null ? "none" : outcome.selectedResult().title());
  }

  private <T> T step(String title, List<String> points, Supplier<T> action, java.util.function.Function<T, String> what) {
    out.printf("%2d. %s  [%s]%n", ++step, title, String.join(", ", points));
    Instant start = Instant.now();
    T result = null;
    try {
      result = action.get();
      out.println("    -> " + Output.shown(what.apply(result)));
    } catch (HookVetoException veto) {
      out.println("    -> vetoed by " + Output.shown(veto.hookName()) + " (" + veto.hookId() + "): "
          + Output.shown(veto.reason()));
    } catch (RuntimeException e) {
      out.println("    -> failed: " + Output.shown(e.getMessage()));
    }
    fired.addAll(points);
    awaitBackground();
    List<RunRecord> runs = app.hooks().runStore().recent(200).stream()
        .filter(run -> !run.startedAt().isBefore(start))
        .sorted(Comparator.comparing(RunRecord::startedAt))
        .toList();
    allRuns.addAll(runs);
    for (RunRecord run : runs) {
      String detail = run.error() != null ? run.error().message() : run.message();
      out.printf("       %-16s %-52s %8.2f ms  %s%n", run.status().wireName(), run.hookId(),
          run.durationMicros() / 1000.0, detail.length() > 90 ? detail.substring(0, 90) + "..." : detail);
    }
    if (runs.isEmpty()) {
      out.println("       (no hooks installed for these points)");
    }
    out.println();
    out.flush();
    return result;
  }

  /** Background (on_ and async after_) hooks finish before the step's runs are shown. */
  private void awaitBackground() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      BackgroundStats stats = app.hooks().backgroundStats();
      if (stats.completed() + stats.dropped() + stats.lostOnShutdown() >= stats.submitted()) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

}
