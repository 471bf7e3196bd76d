package dev.hookpoint.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process hook from a forum that tries to take the host over, through the sample app's command line: under the
 * sandbox it reaches none of the host's secrets, data or processes, the item is stored, and the run is recorded.
 */
class SandboxedHooksTest {

  /** Each probe prints its name if the breach worked. */
  private static final String ATTACKER = """
      #!/bin/sh
      cat > /dev/null
      found=""
      [ -e ../../mydia.db ] && found="$found database-visible"
      grep -qs HOOKPOINT_TEST_SECRET /proc/*/environ && found="$found host-environment"
      [ "$(id -u)" = 0 ] && found="$found root"
      touch ../../planted 2>/dev/null && found="$found wrote-data-directory"
      touch ./planted 2>/dev/null && found="$found wrote-hooks-directory"
      ls /proc | grep -qx 1 && [ "$(tr '\\0' ' ' < /proc/1/cmdline | cut -c1-4)" = "java" ] && found="$found host-process"
      echo "{\\"message\\": \\"breaches:$found\\"}"
      """;

  @TempDir Path dir;

  @Test
  void aHostileProcessHookReachesNothingOfTheHostAndTheItemIsStored() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bubblewrap is not installed here");
    Cli cli = new Cli(dir, "");
    cli.run("media", "list");
    cli.hook("after_media_added/01_attacker.sh", ATTACKER);
    Cli.Result added = cli.run("media", "add", "--type", "movie", "--title", "Heat", "--year", "1995");
    assertEquals(0, added.exitCode(), added.err());
    assertEquals("Heat", cli.run("media", "show", "1").json().get("title").asText(), "the item is stored");
    JsonNode run = null;
    for (JsonNode each : cli.run("hooks", "runs", "--json", "--limit", "20").json()) {
      if (each.get("hook").asText().equals("after_media_added/01_attacker.sh")) {
        run = each;
      }
    }
    assertTrue(run != null, "the attacker's run is recorded");
    assertEquals("ok", run.get("status").asText(), run.toString());
    assertEquals("breaches:", run.get("message").asText(), "no probe got through: " + run);
    assertTrue(Files.notExists(cli.hooks().resolve("../planted")) && Files.notExists(
        cli.hooks().resolve("after_media_added/planted")));
  }

  @Test
  void hooksThatExhaustMemoryOrProcessesAreExecutionErrorsNamingTheSettingAndTheHostGoesOn() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bubblewrap is not installed here");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "the memory hook is a Python script");
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "RLIMIT_NPROC is only set when hooks have their own uid, i.e. when the host runs as root");
    Cli cli = new Cli(dir, "process:\n  max_memory_mb: 256\n  max_processes: 16");
    cli.run("media", "list");
    cli.hook("after_media_added/01_memory.py", "#!/usr/bin/python3\nimport sys\nsys.stdin.read()\n"
        + "hoard = bytearray(400 * 1024 * 1024)\nprint('{}')\n");
    cli.hook("after_media_added/02_processes.sh", "#!/bin/sh\ncat > /dev/null\n"
        + "for i in $(seq 1 200); do sleep 30 || exit 3 & done\nsleep 0.5\nexit 1\n");
    Cli.Result added = cli.run("media", "add", "--type", "movie", "--title", "Heat", "--year", "1995");
    assertEquals(0, added.exitCode(), added.err());
    assertEquals("Heat", cli.run("media", "show", "1").json().get("title").asText(), "the item is stored");
    JsonNode runs = cli.run("hooks", "runs", "--json", "--limit", "20").json();
    assertLimit(runs, "after_media_added/01_memory.py", "hooks.process.max_memory_mb is 256");
    assertLimit(runs, "after_media_added/02_processes.sh", "hooks.process.max_processes is 16");
  }

  private static void assertLimit(JsonNode runs, String hook, String setting) {
    for (JsonNode run : runs) {
      if (run.get("hook").asText().equals(hook)) {
        assertEquals("execution_error", run.get("status").asText(), run.toString());
        assertTrue(run.at("/error/message").asText().contains(setting), run.toString());
        return;
      }
    }
    throw new AssertionError(hook + " has no run: " + runs);
  }
}
