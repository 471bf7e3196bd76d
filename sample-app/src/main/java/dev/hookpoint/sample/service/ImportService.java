package dev.hookpoint.sample.service;

import dev.hookpoint.annotations.Changeable;
import dev.hookpoint.annotations.Example;
import dev.hookpoint.annotations.HookPoint;
import dev.hookpoint.sample.domain.Download;
import dev.hookpoint.sample.domain.DownloadStatus;
import dev.hookpoint.sample.domain.ImportResult;
import dev.hookpoint.sample.domain.MediaFile;
import dev.hookpoint.sample.store.DownloadRepository;

/** Moves finished downloads into the library. */
public class ImportService {

  private final DownloadRepository downloads;

  public ImportService(DownloadRepository downloads) {
    this.downloads = downloads;
  }

  /**
   * Imports a finished download.
   *
   * @param download the download
   * @param sourcePath where its files are; hooks may point elsewhere (after pre-processing, say)
   * @return the imported file
   * @throws ImportFailedException when the download cannot be imported
   */
  @HookPoint(value = "before_import_started", description = "Before a finished download is imported into the "
      + "library. Hooks may change the source path, or veto the import.")
  @HookPoint(value = "after_import_completed", mode = HookPoint.Mode.ASYNC,
      description = "After a download was imported into the library.")
  public ImportResult importDownload(Download download,
      @Changeable @Example("/downloads/tv/Attack.on.Titan.S01.1080p.BluRay-SubsPlease") String sourcePath) {
    if (download.status() != DownloadStatus.COMPLETED) {
      throw new ImportFailedException("download " + download.id() + " is " + download.status().name()
          .toLowerCase(java.util.Locale.ROOT) + ", not completed");
    }
    if (!sourcePath.startsWith("/downloads/")) {
      throw new ImportFailedException("nothing to import at " + sourcePath);
    }
    String destination = "/library/" + download.category() + "/" + download.releaseTitle();
    MediaFile file = downloads.addFile(download, destination, 4200);
    return new ImportResult(file, destination);
  }

  /**
   * Reports a failed import.
   *
   * @param download the download that could not be imported
   * @param errorMessage why
   */
  @HookPoint(value = "on_import_failed", description = "When an import failed; e.g. to notify someone.")
  public void importFailed(Download download, @Example("nothing to import") String errorMessage) {
    // A notification point: the hooks are the reaction.
  }

  /** The import could not be done; nothing was written. */
  public static final class ImportFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportFailedException(String message) {
      super(message);
    }
  }
}
