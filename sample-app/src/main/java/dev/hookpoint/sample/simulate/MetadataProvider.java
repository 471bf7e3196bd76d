package dev.hookpoint.sample.simulate;

import dev.hookpoint.sample.domain.MatchResult;
import dev.hookpoint.sample.domain.MediaItem;
import java.util.LinkedHashMap;
import java.util.Map;

/** A simulated metadata provider with deterministic answers for any title. */
public final class MetadataProvider {

  private static final String[] GENRES = {"Action", "Drama", "Animation", "Sci-Fi", "Thriller", "Comedy"};

  public MatchResult match(MediaItem item) {
    int seed = Math.abs(item.title().hashCode());
    return new MatchResult(item.title(), item.year(), 60 + seed % 40);
  }

  public Map<String, String> fetch(String providerId, MediaItem item) {
    int seed = Math.abs((providerId + item.title()).hashCode());
    Map<String, String> metadata = new LinkedHashMap<>(item.metadata());
    metadata.put("provider", providerId);
    metadata.put("overview", item.title() + " (" + (item.year() == null ? "unknown year" : item.year())
        + "), as described by " + providerId + ".");
    metadata.put("genres", GENRES[seed % GENRES.length] + ", " + GENRES[(seed / 7) % GENRES.length]);
    metadata.put("rating", String.valueOf(5 + seed % 50 / 10.0));
    return metadata;
  }
}
