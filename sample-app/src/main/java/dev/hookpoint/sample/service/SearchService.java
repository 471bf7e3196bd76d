package dev.hookpoint.sample.service;

import dev.hookpoint.annotations.Changeable;
import dev.hookpoint.annotations.Example;
import dev.hookpoint.annotations.HookPoint;
import dev.hookpoint.sample.domain.MediaItem;
import dev.hookpoint.sample.domain.Ranking;
import dev.hookpoint.sample.domain.Release;
import dev.hookpoint.sample.domain.SearchOutcome;
import dev.hookpoint.sample.simulate.Indexer;
import java.util.List;

/** Automatic search: query the indexers, rank what they found, pick a release. */
public class SearchService {

  private final Indexer indexer;
  private final RankingService ranking;

  public SearchService(Indexer indexer, RankingService ranking) {
    this.indexer = indexer;
    this.ranking = ranking;
  }

  /**
   * Searches the indexers for an item.
   *
   * @param mediaItem what to search for
   * @param query the search query; hooks may change it
   * @return what was found and picked
   */
  @HookPoint(value = "before_automatic_search", description = "Before an automatic search runs. Hooks may change "
      + "the query, or veto the search.")
  @HookPoint(value = "after_automatic_search", mode = HookPoint.Mode.ASYNC,
      description = "After an automatic search completed, with every result and the selected one.")
  public SearchOutcome search(MediaItem mediaItem, @Changeable @Example("Attack on Titan 2013") String query) {
    List<Release> found = indexer.search(query);
    if (found.isEmpty()) {
      noResultsFound(mediaItem, query);
      return new SearchOutcome(query, List.of(), null);
    }
    Ranking ranked = ranking.rank(mediaItem, found);
    return new SearchOutcome(query, ranked.results(), ranked.selected());
  }

  /**
   * Reports a search that found nothing.
   *
   * @param mediaItem what was searched for
   * @param searchQuery the query that found nothing
   */
  @HookPoint(value = "on_no_results_found", description = "When a search found no results; e.g. to try a "
      + "fallback or notify someone.")
  public void noResultsFound(MediaItem mediaItem, String searchQuery) {
    // A notification point: the hooks are the reaction.
  }
}
