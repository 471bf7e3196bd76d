package dev.hookpoint.sample;

import dev.hookpoint.runtime.HookCatalog;
import dev.hookpoint.runtime.HookDispatcher;
import dev.hookpoint.runtime.HookPointDescriptor;

/** Lists the hook points the processor generated, then adds a media item through the generated wrapper. */
public final class SampleApp {

  private SampleApp() {}

  public static void main(String[] args) {
    System.out.println("Hook points found through ServiceLoader:");
    for (HookPointDescriptor<?, ?> point : HookCatalog.loadAll(SampleApp.class.getClassLoader())) {
      System.out.printf("  %-22s %-5s %s%n", point.name(), point.async() ? "async" : "sync", point.source());
    }
    MediaLibrary library = new HookedMediaLibrary(HookDispatcher.none());
    MediaLibrary.MediaItem item = library.add(new MediaLibrary.NewMedia("tv_show", "Attack on Titan", 2013));
    System.out.println("Added through HookedMediaLibrary: " + item);
  }
}
