package dev.hookpoint.sample.domain;

import dev.hookpoint.annotations.Example;

/**
 * A short description of a stored media item.
 *
 * @param id the library id
 * @param type movie or TV show
 * @param title the display title
 * @param year the year of first release
 * @param tmdbId the item's id at The Movie Database
 */
public record MediaSummary(long id, @Example("tv_show") MediaType type, @Example("Attack on Titan") String title,
    @Example("2013") Integer year, @Example("1429") Long tmdbId) {}
