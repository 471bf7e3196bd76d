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
}
