package dev.hookpoint.sample.domain;

/**
 * Why a release got its score.
 *
 * @param title the release
 * @param quality points for matching the quality profile
 * @param seeders points for availability
 * @param releaseGroup points for a preferred release group
 * @param subtitles points for subtitles, when preferred
 * @param total the sum
 */
public record ScoreBreakdown(String title, int quality, int seeders, int releaseGroup, int subtitles, int total) {}
