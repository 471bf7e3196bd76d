package dev.hookpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hooks list} shows the sandbox process hooks run in, and {@code hooks check} warns when there is none. */
@ExtendWith(ClosesRuntimes.class)
class SandboxCommandsTest {

  @TempDir Path root;
  private HookRuntime runtime;

  private String run(String yaml, String... args) throws Exception {
    Path hook = TestRuntime.write(root, "before_media_added/01_plain.sh", "#!/bin/sh\necho '{}'\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    TestRuntime.write(root, "before_media_added/02_lua.lua", "return {}");
    runtime = TestRuntime.standard(root, yaml);
    StringWriter out = new StringWriter();
    CommandLine hooks = HooksCommand.commandLine(() -> runtime);
    hooks.setOut(new PrintWriter(out));
    hooks.execute(args);
    return out.toString();
  }

  @Test
  void listJsonNamesTheSandboxOfEachProcessHookAndNoneForLua() throws Exception {
    JsonNode list = new ObjectMapper().readTree(run("", "list", "--json"));
    String inUse = runtime.processSandbox().orElseThrow().name();
    assertEquals(inUse, list.get(0).get("sandbox").asText());
    assertTrue(list.get(1).get("sandbox").isNull(), "a Lua hook has the Lua sandbox, not a process one");
    assertEquals("process", list.get(0).get("executor").asText(), "existing fields stay");
  }

  @Test
  void listTextSaysWhenProcessHooksRunWithoutASandbox() throws Exception {
    String out = run("process:\n  sandbox: none", "list");
    assertTrue(out.contains("Process hooks run WITHOUT a sandbox (none): hooks.process.sandbox is none"), out);
  }

  @Test
  void checkWarnsWhenTheSandboxIsNoneButStillPasses() throws Exception {
    String out = run("process:\n  sandbox: none", "check");
    assertTrue(out.contains("warning: process hooks run without a sandbox"), out);
    assertTrue(out.contains("are fine."), out);
  }

  @Test
  void checkDoesNotWarnInBubblewrap() throws Exception {
    String out = run("", "check");
    if (runtime.processSandbox().orElseThrow().name().equals("bwrap")) {
      assertFalse(out.contains("warning"), out);
    }
  }
}
