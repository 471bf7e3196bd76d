package dev.hookpoint.sample.domain;

import dev.hookpoint.annotations.Example;

/**
 * A release an indexer offers.
 *
 * @param title the release name
 * @param indexer the indexer that found it
 * @param quality e.g. {@code 1080p}
 * @param releaseGroup who released it
 * @param sizeMb its size in megabytes
 * @param seeders how many peers share it
 * @param downloadUrl where the download client fetches it
 */
public record Release(
    @Example("Attack.on.Titan.S01.1080p.BluRay-SubsPlease") String title,
    @Example("nyaa-sim") String indexer,
    @Example("1080p") String quality,
    @Example("SubsPlease") String releaseGroup,
    @Example("8200") int sizeMb,
    @Example("412") int seeders,
    @Example("magnet:?xt=urn:sim:attack-on-titan-1080p") String downloadUrl) {}
