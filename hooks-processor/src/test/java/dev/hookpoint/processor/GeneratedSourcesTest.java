package dev.hookpoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated sources, compared with golden files. Run with {@code HOOKPOINT_UPDATE_GOLDENS=true} to
 * regenerate them after an intended change, then review the diff.
 */
class GeneratedSourcesTest {

  @ParameterizedTest(name = "{0} generates {1}")
  @CsvSource({
      "MediaService.java, fixture.BeforeMediaAddedEvent",
      "MediaService.java, fixture.BeforeMediaAddedChanges",
      "MediaService.java, fixture.HookedMediaService",
      "MediaService.java, fixture.MediaServiceHookCatalog",
      "MediaService.java, fixture.MediaServiceNewMediaWire",
      "Library.java, fixture.AfterMediaAddedEvent",
      "Library.java, fixture.AfterMediaAddedChanges",
      "Library.java, fixture.BeforeAutomaticSearchChanges",
      "Library.java, fixture.HookedLibrary",
      "Library.java, fixture.LibraryHookCatalog",
      "Library.java, fixture.OnDownloadCompletedEvent",
      "Library.java, fixture.LibraryMediaItemWire",
  })
  void generatedSourceMatchesGolden(String fixture, String generatedType) throws IOException {
    Compilation compilation = Fixtures.compile(Fixtures.resource(fixture));
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject generated = compilation.generatedSourceFile(generatedType).orElseThrow();
    String actual = generated.getCharContent(false).toString();
    Path golden = Fixtures.goldens().resolve(generatedType.replace('.', '/') + ".java");
    if (Boolean.parseBoolean(System.getenv("HOOKPOINT_UPDATE_GOLDENS"))) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        "generated " + generatedType + " differs from " + golden + "; if intended, regenerate with "
            + "HOOKPOINT_UPDATE_GOLDENS=true");
  }
}
