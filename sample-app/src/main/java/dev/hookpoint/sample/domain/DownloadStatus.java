package dev.hookpoint.sample.domain;

/** Where a download is in its life. */
public enum DownloadStatus {
  QUEUED,
  DOWNLOADING,
  COMPLETED,
  FAILED,
  CANCELLED,
  IMPORTED;

  /** The wire name, e.g. {@code completed}. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
