package dev.hookpoint.sample.simulate;

import dev.hookpoint.sample.domain.MediaItem;
import dev.hookpoint.sample.domain.Release;
import dev.hookpoint.sample.domain.ScoreBreakdown;
import java.util.Locale;

/** How a release scores for an item: quality profile, seeders, preferred groups, subtitles. */
public final class Scoring {

  private Scoring() {}

  public static ScoreBreakdown score(MediaItem item, Release release) {
    String profile = item.qualityProfile().toLowerCase(Locale.ROOT);
    int quality = profile.contains(release.quality().toLowerCase(Locale.ROOT)) ? 50
        : switch (release.quality()) {
          case "2160p" -> 30;
          case "1080p" -> 20;
          default -> 10;
        };
    int seeders = Math.min(30, release.seeders() / 15);
    int index = item.preferredReleaseGroups().indexOf(release.releaseGroup());
    int group = index < 0 ? 0 : Math.max(10, 40 - 10 * index);
    boolean dubbed = release.title().toUpperCase(Locale.ROOT).contains("DUBBED");
    int subtitles = 0;
    if (item.searchSettings().preferSubbed() && !dubbed) {
      subtitles += 15;
    }
    if (item.searchSettings().excludeDubbed() && dubbed) {
      subtitles -= 1000;
    }
    return new ScoreBreakdown(release.title(), quality, seeders, group, subtitles,
        quality + seeders + group + subtitles);
  }
}
