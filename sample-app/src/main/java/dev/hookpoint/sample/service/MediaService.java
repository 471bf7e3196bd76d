package dev.hookpoint.sample.service;

import dev.hookpoint.annotations.HookPoint;
import dev.hookpoint.sample.domain.Episode;
import dev.hookpoint.sample.domain.EpisodeRefresh;
import dev.hookpoint.sample.domain.EpisodeUpdate;
import dev.hookpoint.sample.domain.MediaItem;
import dev.hookpoint.sample.domain.MediaSummary;
import dev.hookpoint.sample.domain.MediaType;
import dev.hookpoint.sample.domain.NewMedia;
import dev.hookpoint.sample.store.EpisodeRepository;
import dev.hookpoint.sample.store.MediaRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The library: adding, changing and deleting media items, their episodes and seasons. */
public class MediaService {

  private final MediaRepository media;
  private final EpisodeRepository episodes;

  public MediaService(MediaRepository media, EpisodeRepository episodes) {
    this.media = media;
    this.episodes = episodes;
  }

  /**
   * Creates a media item.
   *
   * @param mediaItem the item to create; hooks may fix its title, year, TMDB id and monitoring
   * @param existingMatches items already in the library with the same TMDB id or title
   * @return the stored item
   */
  @HookPoint(value = "before_media_added", description = "Before a media item is created in the database. "
      + "Hooks may fix the item, or veto it (e.g. a duplicate) with halt = true.")
  public MediaItem add(NewMedia mediaItem, List<MediaSummary> existingMatches) {
    // Through the hooked create, so that after_media_added fires on the item as stored.
    return create(mediaItem);
  }

  /**
   * Stores a new media item; only {@link #add}, after its before_media_added hooks, calls it.
   *
   * @param request the item as it was asked for, after before_media_added hooks
   * @return the stored item, with its id
   */
  @HookPoint(value = "after_media_added", persist = "save", description = "After a media item was created. "
      + "Hooks may adjust its settings (quality profile, release groups, search settings); changes are stored.")
  protected MediaItem create(NewMedia request) {
    return media.insert(request);
  }

  /** Stores a changed item. */
  public MediaItem save(MediaItem item) {
    return media.update(item);
  }

  /**
   * Deletes a media item with its episodes, downloads and files.
   *
   * @param mediaItem the item
   */
  @HookPoint(value = "before_media_deleted", description = "Before a media item is deleted. Hooks may veto it.")
  @HookPoint(value = "after_media_deleted", description = "After a media item was deleted.")
  public void delete(MediaItem mediaItem) {
    media.delete(mediaItem.id());
  }

  /**
   * Creates a show's missing episodes (movies have none).
   *
   * @param mediaItem the show
   * @return what the show has now
   */
  @HookPoint(value = "after_episodes_refreshed", description = "After a TV show's episodes were created or "
      + "refreshed.")
  public EpisodeRefresh refreshEpisodes(MediaItem mediaItem) {
    if (mediaItem.type() != MediaType.TV_SHOW) {
      return new EpisodeRefresh(0, 0, "none");
    }
    int seasons = 2 + (int) (Math.abs(mediaItem.title().hashCode()) % 3);
    List<Episode> list = new ArrayList<>();
    for (int season = 1; season <= seasons; season++) {
      for (int number = 1; number <= 6; number++) {
        list.add(new Episode(0, mediaItem.id(), season, number, "Episode " + number, mediaItem.monitored(), false));
      }
    }
    int count = episodes.addMissing(mediaItem.id(), list);
    return new EpisodeRefresh(count, seasons, mediaItem.monitored() ? "all" : "none");
  }

  /**
   * Changes an episode's monitoring or file state.
   *
   * @param update what changes
   * @return the episode as stored
   */
  @HookPoint(value = "after_episode_updated", description = "After an episode was updated (monitoring, file).")
  public Episode updateEpisode(EpisodeUpdate update) {
    Episode current = episodes.find(update.episodeId())
        .orElseThrow(() -> new NoSuchElementException("no episode " + update.episodeId()));
    return episodes.update(new Episode(current.id(), current.mediaItemId(), current.seasonNumber(),
        current.episodeNumber(), current.title(),
        update.monitored() == null ? current.monitored() : update.monitored(),
        update.hasFile() == null ? current.hasFile() : update.hasFile()));
  }

  /**
   * Monitors or unmonitors a whole season.
   *
   * @param mediaItemId the show
   * @param seasonNumber the season
   * @param monitored the new state
   * @return how many episodes changed
   */
  @HookPoint(value = "after_season_monitoring_changed", result = "count",
      description = "After a season's monitoring was changed in bulk.")
  public int updateSeasonMonitoring(long mediaItemId, int seasonNumber, boolean monitored) {
    return episodes.setSeasonMonitoring(mediaItemId, seasonNumber, monitored);
  }
}
