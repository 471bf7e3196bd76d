package dev.hookpoint.sample.app;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.history.SqliteStores;
import dev.hookpoint.sample.domain.ClientConfig;
import dev.hookpoint.sample.domain.Download;
import dev.hookpoint.sample.domain.DownloadStatus;
import dev.hookpoint.sample.domain.Episode;
import dev.hookpoint.sample.domain.EpisodeRefresh;
import dev.hookpoint.sample.domain.EpisodeUpdate;
import dev.hookpoint.sample.domain.ImportResult;
import dev.hookpoint.sample.domain.MediaItem;
import dev.hookpoint.sample.domain.MediaType;
import dev.hookpoint.sample.domain.NewMedia;
import dev.hookpoint.sample.domain.Release;
import dev.hookpoint.sample.domain.SearchOutcome;
import dev.hookpoint.sample.service.DownloadService;
import dev.hookpoint.sample.service.HookedDownloadService;
import dev.hookpoint.sample.service.HookedImportService;
import dev.hookpoint.sample.service.HookedMediaService;
import dev.hookpoint.sample.service.HookedMetadataService;
import dev.hookpoint.sample.service.HookedRankingService;
import dev.hookpoint.sample.service.HookedSearchService;
import dev.hookpoint.sample.service.ImportService;
import dev.hookpoint.sample.service.MediaService;
import dev.hookpoint.sample.service.MetadataService;
import dev.hookpoint.sample.service.SearchService;
import dev.hookpoint.sample.simulate.DownloadClient;
import dev.hookpoint.sample.simulate.Indexer;
import dev.hookpoint.sample.simulate.MetadataProvider;
import dev.hookpoint.sample.store.Database;
import dev.hookpoint.sample.store.DownloadRepository;
import dev.hookpoint.sample.store.EpisodeRepository;
import dev.hookpoint.sample.store.MediaRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The sample media manager, wired in one place: the database, the hooked services and the hooks runtime. Each
 * method is one flow of the app; the CLI, the web API and the demo all go through here.
 */
public final class Mydia implements AutoCloseable {

  private final Database database;
  private final MediaRepository mediaItems;
  private final DownloadRepository downloadRecords;
  private final EpisodeRepository episodeRecords;
  private final HookRuntime hooks;
  private final MediaService media;
  private final SearchService search;
  private final DownloadService downloads;
  private final ImportService imports;
  private final MetadataService metadata;
  private final MetadataProvider provider = new MetadataProvider();
  private boolean closed;

  private Mydia(MydiaConfig settings, Path workingDirectory, boolean watch) {
    HookpointConfig config = settings.hookpoint();
    Path databaseFile = workingDirectory.resolve(settings.databasePath()).toAbsolutePath().normalize();
    this.database = Database.open(databaseFile);
    this.mediaItems = new MediaRepository(database);
    this.downloadRecords = new DownloadRepository(database);
    this.episodeRecords = new EpisodeRepository(database);
    // The app's layout: hooks beside the database (data/hooks), their switches and runs in its tables.
    Path dataDirectory = databaseFile.getParent();
    Path hooksDirectory = config.hooksDirectory(dataDirectory);
    if (config.hooks().enabled()) {
      ExampleHooks.installIfMissing(hooksDirectory);
    }
    this.hooks = HookRuntime.builder(config)
        .baseDirectory(dataDirectory)
        .standardExecutors()
        .dataSource(SqliteStores.dataSource(databaseFile))
        .settings(Map.of("app", "mydia-sample", "default_quality_profile", "HD-1080p"))
        .hotReload(watch && config.hooks().hotReload())
        .build()
        .start();
    this.media = new HookedMediaService(hooks.dispatcher(), mediaItems, episodeRecords);
    this.search = new HookedSearchService(hooks.dispatcher(), new Indexer(),
        new HookedRankingService(hooks.dispatcher()));
    this.downloads = new HookedDownloadService(hooks.dispatcher(), downloadRecords, new DownloadClient());
    this.imports = new HookedImportService(hooks.dispatcher(), downloadRecords);
    this.metadata = new HookedMetadataService(hooks.dispatcher(), mediaItems, provider);
  }

  /**
   * Opens the app.
   *
   * @param watch whether to reload hooks when their files change (for long-running commands)
   */
  public static Mydia open(MydiaConfig config, Path workingDirectory, boolean watch) {
    return new Mydia(config, workingDirectory, watch);
  }

  /** Opens the app on its default database, {@value MydiaConfig#DEFAULT_DATABASE}. */
  public static Mydia open(HookpointConfig config, Path workingDirectory, boolean watch) {
    return open(MydiaConfig.of(config), workingDirectory, watch);
  }

  public HookRuntime hooks() {
    return hooks;
  }

  /** Adds an item; before_media_added hooks see the items it may duplicate. */
  public MediaItem addMedia(NewMedia newMedia) {
    return media.add(newMedia, mediaItems.matches(newMedia));
  }

  public MediaItem mediaItem(long id) {
    return mediaItems.find(id).orElseThrow(() -> new NoSuchElementException("no media item " + id));
  }

  public List<MediaItem> mediaItems() {
    return mediaItems.list();
  }

  public void deleteMedia(long id) {
    media.delete(mediaItem(id));
  }

  /** Runs an automatic search for an item: its title, year and its own query suffix. */
  public SearchOutcome search(long mediaId) {
    MediaItem item = mediaItem(mediaId);
    String query = item.title() + (item.year() == null ? "" : " " + item.year());
    return search.search(item, query);
  }

  /** Searches, then sends the selected release to the download client. */
  public Download startDownload(long mediaId) {
    MediaItem item = mediaItem(mediaId);
    Release selected = search(mediaId).selectedResult();
    if (selected == null) {
      throw new NoSuchElementException("no release to download for " + item.title());
    }
    String category = item.type() == MediaType.MOVIE ? "movies" : "tv";
    return downloads.initiate(selected, item.summary(),
        new ClientConfig(DownloadClient.NAME, category, 3, selected.downloadUrl()));
  }

  public Download download(long id) {
    return downloadRecords.find(id).orElseThrow(() -> new NoSuchElementException("no download " + id));
  }

  public List<Download> downloads() {
    return downloadRecords.list();
  }

  /** What the download client reports when a download finished. */
  public Download completeDownload(long id) {
    Download download = active(id);
    Download completed = downloadRecords.update(download.with(DownloadStatus.COMPLETED, 100, null));
    downloads.downloadCompleted(completed, mediaItem(completed.mediaItemId()).summary(), completed.savePath());
    return completed;
  }

  /** What the download client reports when a download failed. */
  public Download failDownload(long id, String error) {
    Download download = active(id);
    Download failed = downloadRecords.update(download.with(DownloadStatus.FAILED, download.progress(), error));
    downloads.downloadFailed(failed, error);
    return failed;
  }

  public Download cancelDownload(long id) {
    return downloads.cancel(active(id));
  }

  /** Imports a finished download; a failed import is reported to on_import_failed hooks and rethrown. */
  public ImportResult importDownload(long id) {
    Download download = download(id);
    try {
      return imports.importDownload(download, download.savePath());
    } catch (ImportService.ImportFailedException e) {
      imports.importFailed(download, e.getMessage());
      throw e;
    }
  }

  public MediaItem enrichMetadata(long mediaId, String providerId) {
    MediaItem item = mediaItem(mediaId);
    return metadata.enrich(item, providerId, provider.match(item));
  }

  public EpisodeRefresh refreshEpisodes(long mediaId) {
    return media.refreshEpisodes(mediaItem(mediaId));
  }

  public List<Episode> episodes(long mediaId) {
    return episodeRecords.forShow(mediaItem(mediaId).id());
  }

  public Episode updateEpisode(long episodeId, Boolean monitored, Boolean hasFile) {
    return media.updateEpisode(new EpisodeUpdate(episodeId, monitored, hasFile));
  }

  public int setSeasonMonitoring(long mediaId, int season, boolean monitored) {
    return media.updateSeasonMonitoring(mediaItem(mediaId).id(), season, monitored);
  }

  private Download active(long id) {
    Download download = download(id);
    if (download.status() != DownloadStatus.DOWNLOADING && download.status() != DownloadStatus.QUEUED) {
      throw new IllegalStateException("download " + id + " is " + download.status() + ", not in progress");
    }
    return download;
  }

  /**
   * Drains background hooks, then closes the database; once, however often and from however many threads it is
   * called (the command line and a JVM shutdown may both close the app).
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    hooks.close();
    database.close();
  }
}
