package dev.hookpoint.benchmarks;

import dev.hookpoint.annotations.Changeable;
import dev.hookpoint.annotations.Example;
import dev.hookpoint.annotations.HookPoint;
import java.util.List;
import java.util.Map;

/**
 * The host side of the benchmarks: a cheap method with a hook point (for zero-hook dispatch and process hooks),
 * and the shape of the sample app's after_media_added (for the anime hook), without a database behind it, so that
 * the numbers are hook cost only.
 */
public class BenchService {

  /** What kind of media an item is. */
  public enum Kind { MOVIE, TV_SHOW }

  /**
   * Search preferences.
   *
   * @param preferSubbed prefer subtitled releases
   * @param excludeDubbed skip dubbed releases
   */
  public record SearchSettings(boolean preferSubbed, boolean excludeDubbed) {}

  /**
   * A media item as the sample app stores it.
   *
   * @param id the id
   * @param type movie or TV show
   * @param title the title
   * @param year the year
   * @param tmdbId the TMDB id
   * @param monitored whether it is monitored
   * @param qualityProfile the quality profile
   * @param preferredReleaseGroups release groups to prefer
   * @param searchSettings how releases are searched for
   * @param metadata provider metadata
   */
  public record MediaItem(long id, @Example("tv_show") Kind type, String title, Integer year, Long tmdbId,
      boolean monitored, @Changeable String qualityProfile, @Changeable List<String> preferredReleaseGroups,
      @Changeable SearchSettings searchSettings, Map<String, String> metadata) {}

  /**
   * A cheap computation with a hook point on it.
   *
   * @param value the input
   * @return a function of it
   */
  @HookPoint("before_bench_call")
  public int compute(int value) {
    return value * 31 + 7;
  }

  private final MediaItem stored = new MediaItem(1, Kind.TV_SHOW, "Attack on Titan", 2013, 1429L, true, "HD-1080p",
      List.of(), new SearchSettings(false, false), Map.of());

  /**
   * The after_media_added hook point as the sample app has it: hooks see and change {@code media_item}.
   *
   * @param id the id of the item that was added
   * @return the item
   */
  @HookPoint("after_media_added")
  public MediaItem added(long id) {
    return stored;
  }

  /**
   * A notification with one field, for background throughput.
   *
   * @param mediaItem the item
   */
  @HookPoint("on_bench_event")
  public void notifyAdded(MediaItem mediaItem) {
    // Hooks are the reaction.
  }
}
