package dev.hookpoint.sample.domain;

import dev.hookpoint.annotations.Changeable;
import java.util.List;

/**
 * How the releases of a search were ranked.
 *
 * @param results every release, best first
 * @param scores each release's score breakdown, in the same order
 * @param selectedTitle the title of the release to download; a hook may pick another of the results
 */
public record Ranking(List<Release> results, List<ScoreBreakdown> scores, @Changeable String selectedTitle) {

  /** The selected release, or {@code null} when there is none or the title matches no result. */
  public Release selected() {
    return results.stream().filter(release -> release.title().equals(selectedTitle)).findFirst().orElse(null);
  }
}
