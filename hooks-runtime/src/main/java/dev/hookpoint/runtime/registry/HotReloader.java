package dev.hookpoint.runtime.registry;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the hooks directory and its event directories, and calls back once a burst of changes has settled
 * (editors write files in several steps). Runs on one daemon thread.
 */
public final class HotReloader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HotReloader.class);
  private static final long SETTLE_MS = 150;

  private final Path root;
  private final Runnable reload;
  private final WatchService watcher;
  private final Thread thread;

  public HotReloader(Path root, Runnable reload) throws IOException {
    this.root = root;
    this.reload = reload;
    this.watcher = FileSystems.getDefault().newWatchService();
    registerAll();
    this.thread = new Thread(this::watch, "hookpoint-hot-reload");
    thread.setDaemon(true);
    thread.start();
  }

  private void registerAll() throws IOException {
    register(root);
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.filter(Files::isDirectory).toList()) {
        register(entry);
      }
    }
  }

  private void register(Path directory) throws IOException {
    directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
        StandardWatchEventKinds.ENTRY_MODIFY);
  }

  private void watch() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey key = watcher.take();
        drain(key);
        // Let the burst settle: keep draining until nothing arrives for a moment.
        for (WatchKey more = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS); more != null;
            more = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS)) {
          drain(more);
        }
        registerAll();
        try {
          reload.run();
        } catch (RuntimeException e) {
          LOG.error("hot reload of {} failed; keeping the previous hooks", root, e);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.error("hot reload stopped watching {}: {}", root, e.getMessage());
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      watcher.close();
      thread.join(1_000);
    } catch (IOException e) {
      LOG.debug("closing the watcher", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
