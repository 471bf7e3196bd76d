package dev.hookpoint.sample.domain;

import dev.hookpoint.annotations.Example;

/**
 * A download of a release.
 *
 * @param id the download id
 * @param mediaItemId the item it is for
 * @param releaseTitle the release being downloaded
 * @param client the download client
 * @param category the client's category
 * @param status where the download is
 * @param progress percent done
 * @param savePath where the client saves it
 * @param errorMessage why it failed, or {@code null}
 */
public record Download(
    long id,
    long mediaItemId,
    @Example("Attack.on.Titan.S01.1080p.BluRay-SubsPlease") String releaseTitle,
    @Example("transmission-sim") String client,
    @Example("tv") String category,
    @Example("completed") DownloadStatus status,
    @Example("100") int progress,
    @Example("/downloads/tv/Attack.on.Titan.S01.1080p.BluRay-SubsPlease") String savePath,
    String errorMessage) {

  public Download with(DownloadStatus status, int progress, String errorMessage) {
    return new Download(id, mediaItemId, releaseTitle, client, category, status, progress, savePath, errorMessage);
  }
}
