package dev.hookpoint.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.sample.cli.SampleApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine;

/** Runs the sample app's command line in-process, one fresh app per command, like separate invocations. */
final class Cli {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out + err, e);
      }
    }
  }

  final Path dir;

  /** A working directory with a config.yaml that keeps hook timeouts short. */
  Cli(Path dir, String hooksYaml) {
    this.dir = dir;
    try {
      Files.writeString(dir.resolve("config.yaml"), "database:\n  path: data/mydia.db\nhooks:\n"
          + "  directory: hooks\n  default_timeout_ms: 1000\n  max_timeout_ms: 3000\n  hot_reload: false\n"
          + hooksYaml.indent(2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (SampleApp app = new SampleApp(dir)) {
      CommandLine commandLine = app.commandLine();
      commandLine.setOut(new PrintWriter(out));
      commandLine.setErr(new PrintWriter(err));
      int exitCode = commandLine.execute(args);
      return new Result(exitCode, out.toString(), err.toString());
    }
  }

  Path hooks() {
    return dir.resolve("data/hooks");
  }

  /** Adds a hook file to the app's hooks directory (executable unless it is Lua). */
  Path hook(String relative, String content) {
    Path file = hooks().resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      if (!relative.endsWith(".lua")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
