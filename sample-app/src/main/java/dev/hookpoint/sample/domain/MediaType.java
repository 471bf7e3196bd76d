package dev.hookpoint.sample.domain;

/** What kind of media an item is; {@code movie} or {@code tv_show} on the wire. */
public enum MediaType {
  MOVIE,
  TV_SHOW;

  /** The wire name, e.g. {@code tv_show}. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
