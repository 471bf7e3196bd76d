package dev.hookpoint.sample.service;

import dev.hookpoint.annotations.Changeable;
import dev.hookpoint.annotations.Example;
import dev.hookpoint.annotations.HookPoint;
import dev.hookpoint.sample.domain.MatchResult;
import dev.hookpoint.sample.domain.MediaItem;
import dev.hookpoint.sample.simulate.MetadataProvider;
import dev.hookpoint.sample.store.MediaRepository;

/** Fetches metadata for items from a provider. */
public class MetadataService {

  private final MediaRepository media;
  private final MetadataProvider provider;

  public MetadataService(MediaRepository media, MetadataProvider provider) {
    this.media = media;
    this.provider = provider;
  }

  /**
   * Fetches and stores an item's metadata.
   *
   * @param item the item
   * @param providerId which provider to ask; hooks may choose another
   * @param matchResult how well the item matched at the provider
   * @return the item with its metadata, as stored
   */
  @HookPoint(value = "before_metadata_enrichment", description = "Before metadata is fetched. Hooks may choose "
      + "the provider, or veto the enrichment.")
  @HookPoint(value = "after_metadata_enriched", persist = "save", description = "After metadata was fetched and "
      + "saved. Hooks may add to it; changes are stored.")
  public MediaItem enrich(MediaItem item, @Changeable @Example("tmdb") String providerId, MatchResult matchResult) {
    return media.update(item.withMetadata(provider.fetch(providerId, item)));
  }

  /** Stores a changed item. */
  public MediaItem save(MediaItem item) {
    return media.update(item);
  }
}
