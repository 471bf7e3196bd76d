package dev.hookpoint.sample.domain;

import dev.hookpoint.annotations.Example;

/**
 * An episode of a TV show.
 *
 * @param id the episode id
 * @param mediaItemId the show
 * @param seasonNumber its season
 * @param episodeNumber its number in the season
 * @param title its title
 * @param monitored whether it is searched for
 * @param hasFile whether it is in the library
 */
public record Episode(long id, long mediaItemId, @Example("1") int seasonNumber, @Example("2") int episodeNumber,
    @Example("That Day") String title, boolean monitored, boolean hasFile) {}
