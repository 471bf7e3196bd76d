package dev.hookpoint.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.tools.JavaFileObject;

/** Compiles fixtures with the processor, as a host's build would, under -Xlint:all -Werror. */
final class Fixtures {

  private Fixtures() {}

  static JavaFileObject resource(String name) {
    return JavaFileObjects.forResource("fixtures/fixture/" + name);
  }

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** Compiles with warnings as errors, so a test that expects success also proves the output is warning-free. */
  static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new HookPointProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
  }

  /** Compiles under -Xlint:all, warnings allowed, for tests of the processor's own warnings. */
  static Compilation compileAllowingWarnings(JavaFileObject... sources) {
    return javac()
        .withProcessors(new HookPointProcessor())
        .withOptions("-Xlint:all")
        .compile(sources);
  }

  /** Writes every generated class file and resource under {@code root}, for a class loader to read. */
  static void writeOutput(Compilation compilation, Path root) {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String uri = file.toUri().getPath();
      int start = uri.indexOf("/CLASS_OUTPUT/");
      if (start < 0) {
        continue;
      }
      Path target = root.resolve(uri.substring(start + "/CLASS_OUTPUT/".length()));
      try (InputStream in = file.openInputStream()) {
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The module directory, where goldens live under src/test/resources. */
  static Path goldens() {
    return Paths.get("src", "test", "resources", "golden");
  }
}
