package dev.hookpoint.sample.domain;

/**
 * How well an item matched at the metadata provider.
 *
 * @param providerTitle the title the provider knows it by
 * @param providerYear the year the provider gives
 * @param confidence 0 to 100
 */
public record MatchResult(String providerTitle, Integer providerYear, int confidence) {}
