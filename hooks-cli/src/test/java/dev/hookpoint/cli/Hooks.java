package dev.hookpoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.HookRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs the {@code hooks} command over a runtime, as its operators would, and keeps what it printed. */
final class Hooks {

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

  private Hooks() {}

  static Result run(HookRuntime runtime, String... args) {
    return run(() -> runtime, args);
  }

  /** With the runtime made on demand, as a host's CLI makes it. */
  static Result run(Supplier<HookRuntime> runtime, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine hooks = HooksCommand.commandLine(runtime);
    hooks.setOut(new PrintWriter(out));
    hooks.setErr(new PrintWriter(err));
    int exitCode = hooks.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
