package dev.hookpoint.sample.domain;

/**
 * What refreshing a show's episodes did.
 *
 * @param episodeCount episodes the show has now
 * @param seasonCount seasons the show has now
 * @param seasonPreference which seasons are monitored: {@code all}, {@code latest} or {@code none}
 */
public record EpisodeRefresh(int episodeCount, int seasonCount, String seasonPreference) {}
