package dev.hookpoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.hookpoint.runtime.HookContext;
import dev.hookpoint.runtime.HookDataException;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.contract.FieldInfo;
import dev.hookpoint.runtime.contract.HookCatalog;
import dev.hookpoint.runtime.contract.HookDispatcher;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.HookPointHandle;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the library fixture with the processor, loads the result, and runs the generated wrapper with a
 * scripted dispatcher: changes are applied, a veto is honoured, after_ changes are persisted.
 */
class EndToEndTest {

  @TempDir static Path output;
  private static ClassLoader loader;

  @BeforeAll
  static void compileFixture() throws Exception {
    Compilation compilation = Fixtures.compile(Fixtures.resource("Library.java"));
    assertThat(compilation).succeededWithoutWarnings();
    Fixtures.writeOutput(compilation, output);
    loader = new URLClassLoader(new URL[] {output.toUri().toURL()}, EndToEndTest.class.getClassLoader());
  }

  private static Object library(HookDispatcher dispatcher) throws Exception {
    return loader.loadClass("fixture.HookedLibrary").getConstructor(HookDispatcher.class).newInstance(dispatcher);
  }

  private static Object newMedia(String type, String title, Integer year) throws Exception {
    Class<?> mediaType = loader.loadClass("fixture.Library$MediaType");
    Object typeConstant = mediaType.getMethod("valueOf", String.class).invoke(null, type);
    return loader.loadClass("fixture.Library$NewMedia").getConstructors()[0].newInstance(typeConstant, title, year);
  }

  private static Object call(Object target, String method, Object... arguments) throws Throwable {
    for (Method candidate : target.getClass().getMethods()) {
      if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
        try {
          return candidate.invoke(target, arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new AssertionError("no method " + method);
  }

  @Test
  void withoutHooksTheWrapperBehavesLikeTheHost() throws Throwable {
    Object library = library(HookDispatcher.none());
    Object item = call(library, "add", newMedia("MOVIE", "Heat", 1995));
    assertEquals("Heat", call(item, "title"));
    assertEquals(List.of("add Heat"), call(library, "log"));
  }

  @Test
  void inactivePointsNeverBuildAnEventNorTouchTheHandleBeyondIsActive() throws Throwable {
    HookDispatcher tripwire = new HookDispatcher() {
      @Override
      public <E extends HookEvent, C> HookPointHandle<E, C> handle(HookPointDescriptor<E, C> point) {
        return new HookPointHandle<>(point) {
          @Override
          public HookContext context() {
            throw new AssertionError("context() asked for inactive " + point.name());
          }

          @Override
          public E runSync(E event) {
            throw new AssertionError("runSync() called for inactive " + point.name());
          }

          @Override
          public void fireAsync(E event) {
            throw new AssertionError("fireAsync() called for inactive " + point.name());
          }
        };
      }
    };
    Object library = library(tripwire);
    Object item = call(library, "add", newMedia("MOVIE", "Heat", 1995));
    call(library, "search", item, "heat");
    assertEquals(List.of("add Heat", "search heat"), call(library, "log"));
  }

  @Test
  void beforeHookChangesTheArgumentsTheHostReceives() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("before_media_added",
        event -> Map.of("modified", true, "changes", Map.of("media", Map.of("title", "Heat (1995)"))));
    Object item = call(library(hooks), "add", newMedia("MOVIE", "Heat", 1995));
    assertEquals("Heat (1995)", call(item, "title"));
  }

  @Test
  void chainedHooksSeeEarlierChanges() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher()
        .on("before_media_added", event -> Map.of("changes", Map.of("media", Map.of("year", 2000))))
        .on("before_media_added", event -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> media = (Map<String, Object>) event.get("media");
          return Map.of("changes", Map.of("media", Map.of("title", media.get("title") + " " + media.get("year"))));
        });
    Object item = call(library(hooks), "add", newMedia("MOVIE", "Heat", 1995));
    assertEquals("Heat 2000", call(item, "title"));
    assertEquals(2000, call(item, "year"));
  }

  @Test
  void haltInBeforeHookVetoesTheCallAndNothingIsWritten() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("before_media_added",
        event -> Map.of("halt", true, "message", "already in the library"));
    Object library = library(hooks);
    HookVetoException veto = assertThrows(HookVetoException.class,
        () -> call(library, "add", newMedia("MOVIE", "Heat", 1995)));
    assertEquals("already in the library", veto.reason());
    assertEquals("before_media_added", veto.event());
    assertEquals(List.of(), call(library, "items"));
    assertEquals(List.of(), call(library, "log"));
  }

  @Test
  void afterHookChangesAreMergedAndPersisted() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("after_media_added", event -> Map.of(
        "modified", true,
        "changes", Map.of("media_item", Map.of(
            "quality_profile", "Anime 1080p",
            "preferred_release_groups", List.of("SubsPlease", "Erai-raws"),
            "search_settings", Map.of("prefer_subbed", true)))));
    Object library = library(hooks);
    Object item = call(library, "add", newMedia("TV_SHOW", "Attack on Titan", 2013));
    assertEquals("Anime 1080p", call(item, "qualityProfile"));
    assertEquals(List.of("add Attack on Titan", "update Attack on Titan"), call(library, "log"));
    Object stored = ((List<?>) call(library, "items")).get(0);
    assertEquals("Anime 1080p", call(stored, "qualityProfile"));
    assertEquals(List.of("SubsPlease", "Erai-raws"), call(stored, "preferredReleaseGroups"));
    Object settings = call(stored, "searchSettings");
    assertEquals(true, call(settings, "preferSubbed"));
    assertEquals(false, call(settings, "excludeDubbed"), "unchanged components keep their values");
  }

  @Test
  void afterHookWithoutChangesDoesNotPersistAgain() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("after_media_added", event -> Map.of("modified", false));
    Object library = library(hooks);
    call(library, "add", newMedia("MOVIE", "Heat", 1995));
    assertEquals(List.of("add Heat"), call(library, "log"));
  }

  @Test
  void eventWireFormUsesSnakeCaseAndTheEnvelope() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("after_media_added", event -> Map.of());
    call(library(hooks), "add", newMedia("TV_SHOW", "Attack on Titan", 2013));
    Map<String, Object> wire = hooks.seen.get(0);
    assertEquals("after_media_added", wire.get("event"));
    assertTrue(wire.get("timestamp") instanceof String);
    assertEquals(Map.of("user_id", 7L, "settings", Map.of(), "dry_run", false), wire.get("context"));
    @SuppressWarnings("unchecked")
    Map<String, Object> item = (Map<String, Object>) wire.get("media_item");
    assertEquals("tv_show", item.get("type"));
    assertEquals("HD-1080p", item.get("quality_profile"));
    assertEquals(Map.of("prefer_subbed", false, "exclude_dubbed", false), item.get("search_settings"));
  }

  @Test
  void anEventWritesItselfExactlyAsItsWireForm() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("after_media_added", event -> Map.of());
    call(library(hooks), "add", newMedia("TV_SHOW", "Attack on Titan", 2013));
    assertEquals(MapWriter.normalized(hooks.seen.get(0)), hooks.written.get(0));
  }

  @Test
  void unknownKeyInChangesIsADataErrorNamingTheAllowedKeys() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("after_media_added",
        event -> Map.of("changes", Map.of("media_item", Map.of("title", "Hacked"))));
    Object library = library(hooks);
    HookDataException error = assertThrows(HookDataException.class,
        () -> call(library, "add", newMedia("MOVIE", "Heat", 1995)));
    assertEquals("media_item.title", error.key());
    assertTrue(error.getMessage().contains("quality_profile, preferred_release_groups, search_settings"),
        error.getMessage());
  }

  @Test
  void wrongTypeInChangesIsADataErrorNamingTheExpectedType() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("before_media_added",
        event -> Map.of("changes", Map.of("media", Map.of("year", "nineteen"))));
    Object library = library(hooks);
    HookDataException error = assertThrows(HookDataException.class,
        () -> call(library, "add", newMedia("MOVIE", "Heat", 1995)));
    assertEquals("'media.year' must be an integer, got string 'nineteen'", error.getMessage());
  }

  @Test
  void outOfRangeNumberIsADataError() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("before_media_added",
        event -> Map.of("changes", Map.of("media", Map.of("year", 1e12))));
    Object library = library(hooks);
    HookDataException error = assertThrows(HookDataException.class,
        () -> call(library, "add", newMedia("MOVIE", "Heat", 1995)));
    assertEquals("media.year", error.key());
  }

  @Test
  void beforeHookChangesAScalarParameter() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("before_automatic_search",
        event -> Map.of("changes", Map.of("query", event.get("query") + " -dubbed")));
    Object library = library(hooks);
    Object item = call(library, "add", newMedia("MOVIE", "Heat", 1995));
    assertEquals("heat -dubbed", call(library, "search", item, "heat"));
  }

  @Test
  void afterHookChangesTheResultWithoutPersist() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("after_release_ranked",
        event -> Map.of("changes", Map.of("ranking", Map.of("selected", Map.of("score", 99)))));
    Class<?> release = loader.loadClass("fixture.Library$Release");
    Object first = release.getConstructors()[0].newInstance("A.1080p", 10);
    Object ranking = call(library(hooks), "rank", List.of(first));
    Object selected = call(ranking, "selected");
    assertEquals(99, call(selected, "score"));
    assertEquals("A.1080p", call(selected, "title"));
  }

  @Test
  void onEventsFireAsynchronouslyAfterTheMethodAndCannotChangeAnything() throws Throwable {
    ScriptedDispatcher hooks = new ScriptedDispatcher().on("on_download_completed", event -> Map.of());
    Object library = library(hooks);
    Object download = loader.loadClass("fixture.Library$Download").getConstructors()[0].newInstance(5L, "/tmp/x");
    Method complete = library.getClass().getDeclaredMethod("complete", download.getClass());
    complete.setAccessible(true);
    complete.invoke(library, download);
    assertEquals(List.of("complete 5"), call(library, "log"));
    HookEvent event = hooks.fired.get(0);
    assertEquals("on_download_completed", event.event());
    assertEquals(Map.of("id", 5L, "save_path", "/tmp/x"), event.fields().get("download"));
    HookPointDescriptor<?, ?> point = catalog().stream()
        .filter(p -> p.name().equals("on_download_completed")).findFirst().orElseThrow();
    assertTrue(point.async());
    assertEquals(10_000, point.timeoutMs());
    assertThrows(HookDataException.class, () -> point.decoder().decode(Map.of("download", Map.of())));
  }

  @Test
  void catalogIsFoundThroughServiceLoaderWithFieldsAndEnvVars() {
    List<HookPointDescriptor<?, ?>> points = catalog();
    assertEquals(List.of("after_media_added", "after_release_ranked", "before_automatic_search",
        "before_media_added", "on_download_completed"), points.stream().map(HookPointDescriptor::name).toList());
    HookPointDescriptor<?, ?> added = points.get(0);
    assertFalse(added.async());
    assertEquals("fixture.Library#add(NewMedia)", added.source());
    FieldInfo title = added.fields().stream().filter(f -> f.path().equals("media_item.quality_profile"))
        .findFirst().orElseThrow();
    assertEquals(new FieldInfo("media_item.quality_profile", "string", "the quality profile downloads must match",
        "HOOK_MEDIA_ITEM_QUALITY_PROFILE", true), title);
    assertTrue(added.examplePayload().contains("\"title\":\"Attack on Titan\""), added.examplePayload());
  }

  private static List<HookPointDescriptor<?, ?>> catalog() {
    return HookCatalog.loadAll(loader);
  }
}
