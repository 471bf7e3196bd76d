package dev.hookpoint.sample.domain;

import dev.hookpoint.annotations.Changeable;
import dev.hookpoint.annotations.Example;
import java.util.List;
import java.util.Map;

/**
 * A media item in the library.
 *
 * @param id the library id
 * @param type movie or TV show
 * @param title the display title
 * @param year the year of first release
 * @param tmdbId the item's id at The Movie Database
 * @param monitored whether new releases are searched for automatically
 * @param qualityProfile the quality downloads must match, e.g. {@code HD-1080p}
 * @param preferredReleaseGroups release groups ranked first, best first
 * @param searchSettings how releases are searched for and ranked
 * @param searchQuerySuffix appended to every automatic search query, e.g. {@code " -dubbed"}
 * @param metadata what the metadata provider knows (overview, genres, rating...)
 */
public record MediaItem(
    long id,
    @Example("tv_show") MediaType type,
    @Example("Attack on Titan") String title,
    @Example("2013") Integer year,
    @Example("1429") Long tmdbId,
    @Changeable boolean monitored,
    @Changeable @Example("HD-1080p") String qualityProfile,
    @Changeable List<String> preferredReleaseGroups,
    @Changeable SearchSettings searchSettings,
    @Changeable String searchQuerySuffix,
    @Changeable Map<String, String> metadata) {

  public MediaItem {
    preferredReleaseGroups = preferredReleaseGroups == null ? List.of() : List.copyOf(preferredReleaseGroups);
    searchSettings = searchSettings == null ? SearchSettings.DEFAULT : searchSettings;
    searchQuerySuffix = searchQuerySuffix == null ? "" : searchQuerySuffix;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  public MediaSummary summary() {
    return new MediaSummary(id, type, title, year, tmdbId);
  }

  public MediaItem withMetadata(Map<String, String> metadata) {
    return new MediaItem(id, type, title, year, tmdbId, monitored, qualityProfile, preferredReleaseGroups,
        searchSettings, searchQuerySuffix, metadata);
  }
}
