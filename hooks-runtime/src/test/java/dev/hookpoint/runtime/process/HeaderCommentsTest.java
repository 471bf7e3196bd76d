package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookpoint.runtime.HookCheck;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.discovery.HeaderMetadata;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.SandboxRequest;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script's header comment is read for the documented keys only. A comment that looks like metadata, or a value
 * that does not parse, never keeps a hook from running; the second is a {@code hooks check} warning at its line.
 */
@ExtendWith(ClosesRuntimes.class)
class HeaderCommentsTest {

  @TempDir Path root;
  private HookRuntime runtime;

  private Path executable(String relative, String content) throws Exception {
    Path file = TestRuntime.write(root, relative, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private RunStatus runOnce() {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.AFTER);
    handle.runSync(MediaEvent.of("after_media_added", handle.context(), "Heat"));
    return runtime.runStore().recent(1).get(0).status();
  }

  @Test
  void aCommentThatLooksLikeAKeyDoesNotKeepTheHookFromRunning() throws Exception {
    executable("after_media_added/01_notify.sh", "#!/bin/sh\n# timeout: ignores SIGTERM\necho '{}'\n");
    runtime = TestRuntime.standard(root, "");
    assertEquals(RunStatus.OK, runOnce());
    assertEquals(List.of(), new HookCheck(runtime).problems());
  }

  @Test
  void aValueThatDoesNotParseIsAWarningAtItsLineAndTheHookRunsWithTheDefault() throws Exception {
    Path file = executable("after_media_added/01_notify.sh", "#!/bin/sh\n# timeout_ms: soon\necho '{}'\n");
    runtime = TestRuntime.standard(root, "");
    assertEquals(RunStatus.OK, runOnce());
    List<HookCheck.Problem> problems = new HookCheck(runtime).problems();
    assertEquals(List.of(new HookCheck.Problem(file, 2, "timeout_ms must be a positive whole number of "
        + "milliseconds, e.g. '# timeout_ms: 10000'; got 'soon'; the default timeout applies")), problems);
    org.junit.jupiter.api.Assertions.assertTrue(problems.get(0).toString().startsWith(file + ":2: timeout_ms must"),
        "hooks check prints it as file:line: " + problems.get(0));
  }

  @Test
  void whatAHeaderAsksOfTheSandboxIsReadWithItsLines() {
    HookMetadata metadata = HeaderMetadata.parse(List.of("#!/bin/sh", "# network: off", "# max_memory_mb: 1_024",
        "# max_processes: 8", "# max_cpu_seconds: 5", "# max_file_mb: 2"), "hook.sh");
    assertEquals(new SandboxRequest(new SandboxRequest.Asked<>(false, 2), new SandboxRequest.Asked<>(1024L, 3),
        new SandboxRequest.Asked<>(8L, 4), new SandboxRequest.Asked<>(5L, 5), new SandboxRequest.Asked<>(2L, 6)),
        metadata.sandbox());
    assertEquals(List.of(), metadata.warnings());
  }

  @Test
  void aGarbledNetworkValueMeansNoNetworkAndAGarbledLimitTheConfiguredOne() {
    HookMetadata metadata = HeaderMetadata.parse(List.of("#!/bin/sh", "# network: none please",
        "# max_memory_mb: lots"), "hook.sh");
    assertEquals(new SandboxRequest(new SandboxRequest.Asked<>(false, 2), null, null, null, null), metadata.sandbox());
    assertEquals(List.of(
        new HookMetadata.Warning(2, "network must be true or false, e.g. '# network: false'; got 'none please'; "
            + "until it is fixed the hook runs without network"),
        new HookMetadata.Warning(3, "max_memory_mb must be a positive whole number, e.g. '# max_memory_mb: 64'; got "
            + "'lots'; the configured hooks.process.max_memory_mb applies")), metadata.warnings());
  }
}
