package dev.hookpoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every misuse is one compile error on the offending element that says what to do, and no generated code is
 * written from a broken class (so there are no follow-on errors).
 */
class DiagnosticsTest {

  private static JavaFileObject service(String... body) {
    String[] lines = new String[body.length + 9];
    lines[0] = "package fixture;";
    lines[1] = "import dev.hookpoint.annotations.*;";
    lines[2] = "import java.util.*;";
    lines[3] = "public class Service {";
    lines[4] = "  public record Item(String title, Integer year) {}";
    lines[5] = "  public Service() {}";
    lines[6] = "  public Item update(Item item) { return item; }";
    System.arraycopy(body, 0, lines, 7, body.length);
    lines[body.length + 7] = "  public void unused() {}";
    lines[body.length + 8] = "}";
    return Fixtures.source("fixture.Service", lines);
  }

  private static void assertSingleError(JavaFileObject source, String message, String line) {
    Compilation compilation = Fixtures.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  @Test
  void eventNameMustBeLowerSnakeCaseWithAPhasePrefix() {
    assertSingleError(service(
            "  @HookPoint(\"BeforeMediaAdded\")",
            "  public Item add(Item item) { return item; }"),
        "event names must match (before|after|on)_lower_snake_case, e.g. before_media_added; "
            + "got 'BeforeMediaAdded'",
        "@HookPoint(\"BeforeMediaAdded\")");
  }

  @Test
  void eventNameWithoutKnownPrefixIsRejected() {
    assertSingleError(service(
            "  @HookPoint(\"during_media_added\")",
            "  public Item add(Item item) { return item; }"),
        "got 'during_media_added'", "during_media_added");
  }

  @Test
  void hookPointMethodsCannotBePrivate() {
    assertSingleError(service(
            "  @HookPoint(\"before_media_added\")",
            "  private Item add(Item item) { return item; }"),
        "@HookPoint methods cannot be private: the generated wrapper overrides the method", "private Item add");
  }

  @Test
  void hookPointMethodsCannotBeStatic() {
    assertSingleError(service(
            "  @HookPoint(\"before_media_added\")",
            "  public static Item add(Item item) { return item; }"),
        "@HookPoint methods cannot be static", "static Item add");
  }

  @Test
  void hookPointMethodsCannotBeFinal() {
    assertSingleError(service(
            "  @HookPoint(\"before_media_added\")",
            "  public final Item add(Item item) { return item; }"),
        "@HookPoint methods cannot be final", "final Item add");
  }

  @Test
  void hookPointMethodsCannotBeGeneric() {
    assertSingleError(service(
            "  @HookPoint(\"before_media_added\")",
            "  public <T> Item add(Item item, T extra) { return item; }"),
        "@HookPoint methods cannot have type parameters", "public <T> Item add");
  }

  @Test
  void classesWithHookPointsCannotBeFinal() {
    JavaFileObject source = Fixtures.source("fixture.Service",
        "package fixture;",
        "import dev.hookpoint.annotations.HookPoint;",
        "public final class Service {",
        "  @HookPoint(\"before_media_added\")",
        "  public void add(String title) {}",
        "}");
    assertSingleError(source, "Service has @HookPoint methods, so it cannot be final: Hookpoint generates the "
        + "subclass HookedService that runs the hooks; remove 'final'", "public final class Service");
  }

  @Test
  void classesWithHookPointsNeedAReachableConstructor() {
    JavaFileObject source = Fixtures.source("fixture.Service",
        "package fixture;",
        "import dev.hookpoint.annotations.HookPoint;",
        "public class Service {",
        "  private Service() {}",
        "  @HookPoint(\"before_media_added\")",
        "  public void add(String title) {}",
        "}");
    assertSingleError(source, "only private constructors", "public class Service");
  }

  @Test
  void innerClassesMustBeStatic() {
    JavaFileObject source = Fixtures.source("fixture.Outer",
        "package fixture;",
        "import dev.hookpoint.annotations.HookPoint;",
        "public class Outer {",
        "  public class Service {",
        "    @HookPoint(\"before_media_added\")",
        "    public void add(String title) {}",
        "  }",
        "}");
    assertSingleError(source, "must be a top-level or static nested class", "public class Service");
  }

  @Test
  void genericClassesAreRejected() {
    JavaFileObject source = Fixtures.source("fixture.Service",
        "package fixture;",
        "import dev.hookpoint.annotations.HookPoint;",
        "public class Service<T> {",
        "  @HookPoint(\"before_media_added\")",
        "  public void add(String title) {}",
        "}");
    assertSingleError(source, "cannot have type parameters", "public class Service<T>");
  }

  @Test
  void interfacesCannotDeclareHookPoints() {
    JavaFileObject source = Fixtures.source("fixture.Service",
        "package fixture;",
        "import dev.hookpoint.annotations.HookPoint;",
        "public interface Service {",
        "  @HookPoint(\"before_media_added\")",
        "  default void add(String title) {}",
        "}");
    assertSingleError(source, "must be declared in a class, not in a interface", "public interface Service");
  }

  @Test
  void unsupportedParameterTypeNamesTheParameterAndType() {
    assertSingleError(service(
            "  @HookPoint(\"before_media_added\")",
            "  public Item add(Item item, Thread worker) { return item; }"),
        "parameter 'worker' has type java.lang.Thread, which cannot be turned into a hook payload; use a String",
        "Thread worker");
  }

  @Test
  void unsupportedRecordComponentNamesTheComponent() {
    assertSingleError(service(
            "  public record Job(String name, Object payload) {}",
            "  @HookPoint(\"on_job_done\")",
            "  public void done(Job job) {}"),
        "record component 'Job.payload' has type java.lang.Object", "Job job");
  }

  @Test
  void recursiveRecordsAreRejected() {
    assertSingleError(service(
            "  public record Node(String name, List<Node> children) {}",
            "  @HookPoint(\"on_tree_changed\")",
            "  public void changed(Node root) {}"),
        "contains itself; payloads are trees, so records cannot be recursive", "Node root");
  }

  @Test
  void mapKeysMustBeStrings() {
    assertSingleError(service(
            "  @HookPoint(\"on_scores_changed\")",
            "  public void changed(Map<Integer, String> scores) {}"),
        "payload maps travel as objects, so their keys must be String", "Map<Integer, String> scores");
  }

  @Test
  void sameEventTwiceOnOneMethodIsRejected() {
    assertSingleError(service(
            "  @HookPoint(\"before_media_added\")",
            "  @HookPoint(\"before_media_added\")",
            "  public Item add(Item item) { return item; }"),
        "@HookPoint(\"before_media_added\") appears twice on this method", "public Item add");
  }

  @Test
  void sameEventWithDifferentDataIsRejected() {
    assertSingleError(service(
            "  @HookPoint(\"on_media_changed\")",
            "  public void renamed(Item item) {}",
            "  @HookPoint(\"on_media_changed\") public void retitled(Item item, String reason) {}"),
        "on_media_changed is also declared by fixture.Service#renamed(Item) with different data",
        "retitled");
  }

  @Test
  void descriptionsThatWouldCloseAJavadocCommentAreEscaped() {
    Compilation compilation = Fixtures.compile(service(
        "  @HookPoint(value = \"on_media_changed\", description = \"Fires for */ sneaky input.\")",
        "  public void renamed(Item item) {}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void sameEventWithSameDataIsAllowed() {
    Compilation compilation = Fixtures.compile(service(
        "  @HookPoint(\"on_media_changed\")",
        "  public void renamed(Item item) {}",
        "  @HookPoint(\"on_media_changed\")",
        "  public void retitled(Item item) {}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void beforeHookPointsCannotBeAsync() {
    assertSingleError(service(
            "  @HookPoint(value = \"before_media_added\", mode = HookPoint.Mode.ASYNC)",
            "  public Item add(Item item) { return item; }"),
        "before_media_added cannot be ASYNC", "mode = HookPoint.Mode.ASYNC");
  }

  @Test
  void onHookPointsCannotBeSync() {
    assertSingleError(service(
            "  @HookPoint(value = \"on_media_added\", mode = HookPoint.Mode.SYNC)",
            "  public void add(Item item) {}"),
        "on_media_added cannot be SYNC", "mode = HookPoint.Mode.SYNC");
  }

  @Test
  void resultOfAListNeedsAName() {
    assertSingleError(service(
            "  @HookPoint(\"after_search\")",
            "  public List<Item> search(String query) { return List.of(); }"),
        "after_search needs a name for the method's result of type java.util.List<fixture.Service.Item>: "
            + "add result = \"...\"",
        "@HookPoint(\"after_search\")");
  }

  @Test
  void resultNameMustBeSnakeCase() {
    assertSingleError(service(
            "  @HookPoint(value = \"after_search\", result = \"Results\")",
            "  public List<Item> search(String query) { return List.of(); }"),
        "result names must be lower_snake_case", "result = \"Results\"");
  }

  @Test
  void beforeHookPointsHaveNoResult() {
    assertSingleError(service(
            "  @HookPoint(value = \"before_search\", result = \"results\")",
            "  public List<Item> search(String query) { return List.of(); }"),
        "before_search names a result, but before_ hooks run before there is one", "result = \"results\"");
  }

  @Test
  void persistNeedsAMatchingMethod() {
    assertSingleError(service(
            "  @HookPoint(value = \"after_media_added\", persist = \"save\")",
            "  public Item add(Item media) { return media; }"),
        "names persist = \"save\", but the class has no non-private, non-static method save(fixture.Service.Item)",
        "persist = \"save\"");
  }

  @Test
  void persistOnlyAppliesToSyncAfterPoints() {
    assertSingleError(service(
            "  @HookPoint(value = \"before_media_added\", persist = \"update\")",
            "  public Item add(Item item) { return item; }"),
        "before_media_added has persist, but only synchronous after_ hooks change a result",
        "persist = \"update\"");
  }

  @Test
  void envelopeNamesAreReserved() {
    assertSingleError(service(
            "  @HookPoint(\"before_media_added\")",
            "  public Item add(Item item, String context) { return item; }"),
        "'context' is part of every event's envelope", "String context");
  }

  @Test
  void resultNameMayNotClashWithAParameter() {
    assertSingleError(service(
            "  @HookPoint(\"after_media_updated\")",
            "  public Item change(Item item) { return item; }"),
        "two values of this event are both named 'item' on the wire", "public Item change");
  }

  @Test
  void aWireNameClashNamesTheEventAndBothElements() {
    assertSingleError(service(
            "  @HookPoint(\"after_media_updated\")",
            "  public Item change(Item item) { return item; }"),
        "after_media_updated: two values of this event are both named 'item' on the wire, parameter 'item' and "
            + "the result of change()", "public Item change");
  }

  @Test
  void twoFieldsThatAreOneEnvironmentVariableAreAnErrorNamingBoth() {
    assertSingleError(service(
            "  public record Order(long id) {}",
            "  @HookPoint(\"on_order_placed\")",
            "  public void place(Order order, long orderId) {}"),
        "on_order_placed: 'order.id' (parameter 'order') and 'order_id' (parameter 'orderId') are both "
            + "HOOK_ORDER_ID for process hooks, which would get only one of them; rename one",
        "public void place");
  }

  @Test
  void changeableWhereNothingCanChangeIsAWarning() {
    JavaFileObject source = service(
        "  @HookPoint(\"on_media_seen\")",
        "  public void seen(@Changeable String title) {}");
    Compilation compilation = Fixtures.compileAllowingWarnings(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("@Changeable on 'title' has no effect: hooks change only the "
        + "arguments of before_ events and the result of synchronous after_ events, and this method fires "
        + "on_media_seen; remove @Changeable").inFile(source)
        .onLineContaining("@Changeable String title");
  }

  @Test
  void changeableOnABeforeEventsParameterIsNoWarning() {
    Compilation compilation = Fixtures.compile(service(
        "  @HookPoint(\"before_media_seen\")",
        "  public void seen(@Changeable String title) {}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void exampleMustParseAsTheType() {
    assertSingleError(service(
            "  public record Media(@Example(\"soon\") Integer year) {}",
            "  @HookPoint(\"before_media_added\")",
            "  public void add(Media media) {}"),
        "@Example(\"soon\") on 'year' does not parse as integer", "Media media");
  }

  @Test
  void recordTypesTheGeneratedCodeCannotSeeAreRejected() {
    JavaFileObject other = Fixtures.source("other.Hidden",
        "package other;",
        "public class Hidden {",
        "  protected record Secret(String value) {}",
        "}");
    JavaFileObject source = Fixtures.source("fixture.Service",
        "package fixture;",
        "import dev.hookpoint.annotations.HookPoint;",
        "public class Service extends other.Hidden {",
        "  @HookPoint(\"on_secret\")",
        "  public void reveal(Secret secret) {}",
        "}");
    Compilation compilation = Fixtures.compile(source, other);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("which generated code in package fixture cannot see; make it public")
        .inFile(source).onLineContaining("Secret secret");
  }
}
