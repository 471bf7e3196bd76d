package dev.hookpoint.sample.service;

import dev.hookpoint.annotations.HookPoint;
import dev.hookpoint.sample.domain.MediaItem;
import dev.hookpoint.sample.domain.Ranking;
import dev.hookpoint.sample.domain.Release;
import dev.hookpoint.sample.domain.ScoreBreakdown;
import dev.hookpoint.sample.simulate.Scoring;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranks releases for an item and selects the best. */
public class RankingService {

  /**
   * Ranks releases, best first, and selects the best.
   *
   * @param mediaItem what the releases are for
   * @param candidates what the indexers found
   * @return the ranking, with every score breakdown and the selected release's title
   */
  @HookPoint(value = "after_release_ranked", description = "After releases were ranked, with every result, the "
      + "score breakdown and the selection. Hooks may select another release by its title.")
  public Ranking rank(MediaItem mediaItem, List<Release> candidates) {
    List<ScoreBreakdown> scores = new ArrayList<>();
    for (Release release : candidates) {
      scores.add(Scoring.score(mediaItem, release));
    }
    scores.sort(Comparator.comparingInt(ScoreBreakdown::total).reversed().thenComparing(ScoreBreakdown::title));
    List<Release> results = scores.stream()
        .map(score -> candidates.stream().filter(r -> r.title().equals(score.title())).findFirst().orElseThrow())
        .toList();
    String selected = scores.isEmpty() || scores.get(0).total() < 0 ? null : scores.get(0).title();
    return new Ranking(results, scores, selected);
  }
}
