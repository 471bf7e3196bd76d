package dev.hookpoint.sample.domain;

import dev.hookpoint.annotations.Changeable;
import dev.hookpoint.annotations.Example;

/**
 * A media item about to be created.
 *
 * @param type movie or TV show
 * @param title the display title
 * @param year the year of first release
 * @param tmdbId the item's id at The Movie Database
 * @param monitored whether new releases are searched for automatically
 */
public record NewMedia(
    @Example("tv_show") MediaType type,
    @Changeable @Example("Attack on Titan") String title,
    @Changeable @Example("2013") Integer year,
    @Changeable @Example("1429") Long tmdbId,
    @Changeable Boolean monitored) {}
