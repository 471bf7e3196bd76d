package dev.hookpoint.sample.domain;

import java.util.List;

/**
 * What an automatic search found.
 *
 * @param query the query that was sent to the indexers
 * @param searchResults every release found, best first
 * @param selectedResult the release chosen for download, or {@code null}
 */
public record SearchOutcome(String query, List<Release> searchResults, Release selectedResult) {}
