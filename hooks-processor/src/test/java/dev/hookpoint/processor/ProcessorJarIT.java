package dev.hookpoint.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.annotations.HookPoint;
import dev.hookpoint.runtime.contract.HookEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor jar, used as a host's build would: plain javac, the shaded jar alone on the processor
 * path, the annotations and runtime on the class path.
 */
class ProcessorJarIT {

  private static final String FIXTURE = """
      package fixture;
      import dev.hookpoint.annotations.HookPoint;
      public class MediaService {
        public record NewMedia(String type, String title, Integer year) {}
        @HookPoint("%s")
        public NewMedia add(NewMedia media) { return media; }
      }
      """;

  @TempDir Path work;

  private record Result(int exitCode, String output) {}

  private Result javac(String eventName) throws IOException, URISyntaxException {
    Path source = work.resolve("src/fixture/MediaService.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, FIXTURE.formatted(eventName));
    Path classes = Files.createDirectories(work.resolve("classes"));
    String classPath = jarOf(HookPoint.class) + java.io.File.pathSeparator + jarOf(HookEvent.class);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode = javac.run(null, new PrintStream(output), new PrintStream(output),
        "-Xlint:all", "-Werror",
        "-processorpath", System.getProperty("hookpoint.processor.jar"),
        "-cp", classPath,
        "-d", classes.toString(),
        source.toString());
    return new Result(exitCode, output.toString(StandardCharsets.UTF_8));
  }

  private static String jarOf(Class<?> type) throws URISyntaxException {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  @Test
  void shadedJarAloneGeneratesRecordsServicesEntryAndDocs() throws Exception {
    Result result = javac("before_media_added");
    assertEquals(0, result.exitCode(), result.output());
    Path classes = work.resolve("classes");
    for (String file : List.of("fixture/BeforeMediaAddedEvent.class", "fixture/BeforeMediaAddedChanges.class",
        "fixture/HookedMediaService.class", "META-INF/services/dev.hookpoint.runtime.contract.HookCatalog",
        "META-INF/hookpoint/events/before_media_added.md",
        "META-INF/hookpoint/events/before_media_added.schema.json")) {
      assertTrue(Files.exists(classes.resolve(file)), file);
    }
    Class<?> event = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
        getClass().getClassLoader()).loadClass("fixture.BeforeMediaAddedEvent");
    assertTrue(event.isRecord());
  }

  @Test
  void badEventNameFailsNamingIt() throws Exception {
    Result result = javac("BeforeMediaAdded");
    assertNotEquals(0, result.exitCode());
    assertTrue(result.output().contains("MediaService.java:5: error: [hookpoint:event-name]"), result.output());
    assertTrue(result.output().contains("got 'BeforeMediaAdded'"), result.output());
  }
}
