package dev.hookpoint.sample;

import dev.hookpoint.annotations.Changeable;
import dev.hookpoint.annotations.Example;
import dev.hookpoint.annotations.HookPoint;
import java.util.ArrayList;
import java.util.List;

/** A tiny in-memory media library; the sample app's later issue replaces it with the full Mydia on SQLite. */
public class MediaLibrary {

  /**
   * A media item to add.
   *
   * @param type {@code movie} or {@code tv_show}
   * @param title the display title
   * @param year the year of first release
   */
  public record NewMedia(@Example("tv_show") String type, @Example("Attack on Titan") String title,
      @Example("2013") Integer year) {}

  /**
   * A stored media item.
   *
   * @param id the library id
   * @param type {@code movie} or {@code tv_show}
   * @param title the display title
   * @param year the year of first release
   * @param qualityProfile the quality profile downloads must match
   */
  public record MediaItem(long id, String type, @Example("Attack on Titan") String title, Integer year,
      @Changeable String qualityProfile) {}

  private final List<MediaItem> items = new ArrayList<>();

  /**
   * Adds a media item.
   *
   * @param media what to add
   * @return the stored item
   */
  @HookPoint(value = "before_media_added", description = "Before a media item is created.")
  @HookPoint(value = "after_media_added", persist = "update", description = "After a media item was created.")
  public MediaItem add(NewMedia media) {
    MediaItem item = new MediaItem(items.size() + 1, media.type(), media.title(), media.year(), "HD-1080p");
    items.add(item);
    return item;
  }

  /** Stores a changed item. */
  public MediaItem update(MediaItem item) {
    items.set((int) item.id() - 1, item);
    return item;
  }

  /** The stored items. */
  public List<MediaItem> items() {
    return List.copyOf(items);
  }
}
