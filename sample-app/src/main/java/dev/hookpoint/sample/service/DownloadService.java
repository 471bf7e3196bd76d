package dev.hookpoint.sample.service;

import dev.hookpoint.annotations.Changeable;
import dev.hookpoint.annotations.Example;
import dev.hookpoint.annotations.HookPoint;
import dev.hookpoint.sample.domain.ClientConfig;
import dev.hookpoint.sample.domain.Download;
import dev.hookpoint.sample.domain.DownloadStatus;
import dev.hookpoint.sample.domain.MediaSummary;
import dev.hookpoint.sample.domain.Release;
import dev.hookpoint.sample.simulate.DownloadClient;
import dev.hookpoint.sample.store.DownloadRepository;

/** Hands releases to the download client and follows what it reports. */
public class DownloadService {

  private final DownloadRepository downloads;
  private final DownloadClient client;

  public DownloadService(DownloadRepository downloads, DownloadClient client) {
    this.downloads = downloads;
    this.client = client;
  }

  /**
   * Starts downloading a release.
   *
   * @param searchResult the release
   * @param media the item it is for
   * @param clientConfig how the client gets it; hooks may change the client, category, priority and URL
   * @return the download as stored
   */
  @HookPoint(value = "before_download_initiated", description = "Before a release is sent to the download "
      + "client. Hooks may change the client settings and URL, or veto the download.")
  @HookPoint(value = "after_download_initiated", mode = HookPoint.Mode.ASYNC,
      description = "After a download was handed to the client.")
  public Download initiate(Release searchResult, MediaSummary media, @Changeable ClientConfig clientConfig) {
    Download download = downloads.insert(media.id(), searchResult.title(), clientConfig.client(),
        clientConfig.category(), client.savePath(clientConfig.category(), searchResult.title()));
    return downloads.update(download.with(DownloadStatus.DOWNLOADING, 0, null));
  }

  /**
   * Reports a finished download.
   *
   * @param download the download, now completed
   * @param media the item it is for
   * @param filePath where the downloaded files are
   */
  @HookPoint(value = "on_download_completed", description = "When a download finished; e.g. to post-process "
      + "the files or notify someone.")
  public void downloadCompleted(Download download, MediaSummary media,
      @Example("/downloads/tv/Attack.on.Titan.S01.1080p.BluRay-SubsPlease") String filePath) {
    // A notification point: the hooks are the reaction.
  }

  /**
   * Reports a failed download.
   *
   * @param download the download, now failed
   * @param errorMessage what the client reported
   */
  @HookPoint(value = "on_download_failed", description = "When a download failed; e.g. to retry elsewhere.")
  public void downloadFailed(Download download, @Example("tracker unreachable") String errorMessage) {
    // A notification point: the hooks are the reaction.
  }

  /**
   * Cancels a download.
   *
   * @param download the download
   * @return the download, cancelled
   */
  @HookPoint(value = "before_download_cancelled", description = "Before a download is cancelled. Hooks may veto "
      + "it.")
  @HookPoint(value = "after_download_cancelled", result = "cancelled",
      description = "After a download was cancelled.")
  public Download cancel(Download download) {
    return downloads.update(download.with(DownloadStatus.CANCELLED, download.progress(), null));
  }
}
