package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookpoint.runtime.HookCatalog;
import dev.hookpoint.runtime.HookDispatcher;
import dev.hookpoint.runtime.HookPointDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The processor ran in the sample app's own build: its wrapper and catalog exist and work. */
class MediaLibraryTest {

  @Test
  void catalogListsTheSampleHookPoints() {
    List<String> names = HookCatalog.loadAll(getClass().getClassLoader()).stream()
        .map(HookPointDescriptor::name).toList();
    assertEquals(List.of("after_media_added", "before_media_added"), names);
  }

  @Test
  void wrapperWithoutHooksAddsLikeTheLibrary() {
    MediaLibrary library = new HookedMediaLibrary(HookDispatcher.none());
    library.add(new MediaLibrary.NewMedia("movie", "Heat", 1995));
    assertEquals("Heat", library.items().get(0).title());
  }
}
