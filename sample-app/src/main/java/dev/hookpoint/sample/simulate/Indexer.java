package dev.hookpoint.sample.simulate;

import dev.hookpoint.sample.domain.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A simulated indexer: the same query always finds the same releases, so every flow runs offline. A query that
 * mentions "obscure" finds nothing.
 */
public final class Indexer {

  private static final String[] GROUPS = {"SubsPlease", "Erai-raws", "NTb", "FLUX", "HorribleSubs"};
  private static final String[] QUALITIES = {"720p", "1080p", "2160p"};

  public List<Release> search(String query) {
    String clean = query.toLowerCase(Locale.ROOT);
    if (clean.isBlank() || clean.contains("obscure")) {
      return List.of();
    }
    String base = query.replaceAll("-\\S+", "").strip().replaceAll("\\s+", ".");
    int seed = Math.abs(query.replaceAll("\\s+-\\S+", "").hashCode());
    List<Release> releases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String quality = QUALITIES[(seed + i) % QUALITIES.length];
      String group = GROUPS[(seed / 3 + i) % GROUPS.length];
      boolean dubbed = i == 3;
      String title = base + "." + quality + (dubbed ? ".DUBBED" : "") + ".WEB-" + group;
      int size = switch (quality) {
        case "720p" -> 1400;
        case "1080p" -> 4200;
        default -> 14800;
      } + (seed % 97) * (i + 1);
      int seeders = 20 + (seed / (i + 7)) % 480;
      releases.add(new Release(title, i % 2 == 0 ? "nyaa-sim" : "torznab-sim", quality, group, size, seeders,
          "magnet:?xt=urn:sim:" + title.toLowerCase(Locale.ROOT)));
    }
    return releases;
  }
}
