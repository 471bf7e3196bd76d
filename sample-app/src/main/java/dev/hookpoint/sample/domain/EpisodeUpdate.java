package dev.hookpoint.sample.domain;

/**
 * The attributes an episode update changes; {@code null} keeps a value.
 *
 * @param episodeId the episode
 * @param monitored whether it is searched for
 * @param hasFile whether it is in the library
 */
public record EpisodeUpdate(long episodeId, Boolean monitored, Boolean hasFile) {}
