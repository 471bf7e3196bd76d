package dev.hookpoint.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookCheck;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookTester;
import dev.hookpoint.runtime.InstalledHook;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Process hooks through the real runtime: chains, permissions, the checksum lock, the concurrency cap. */
@ExtendWith(ClosesRuntimes.class)
class ProcessRuntimeTest {

  @TempDir Path root;
  private HookRuntime runtime;

  private HookRuntime start(String yaml) {
    runtime = TestRuntime.standard(root, yaml);
    return runtime;
  }

  private Path executable(String relative, String content) throws Exception {
    Path file = TestRuntime.write(root, relative, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private InstalledHook hook(String id) {
    return runtime.hook(id).orElseThrow();
  }

  @Test
  void aProcessHookChangesFlowIntoTheChain() throws Exception {
    executable("before_media_added/01_suffix.sh", """
        #!/bin/sh
        # name: Suffixer
        echo "{\\"changes\\": {\\"media\\": {\\"title\\": \\"$HOOK_MEDIA_TITLE (checked)\\"}}}"
        """);
    TestRuntime.write(root, "before_media_added/02_lua.lua",
        "function execute(e) return { changes = { media = { title = e.media.title .. '!' } } } end");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = start("").dispatcher().handle(TestRuntime.BEFORE);
    assertEquals("Heat (checked)!", handle.runSync(MediaEvent.of("before_media_added", handle.context(), "Heat"))
        .media().title());
    assertEquals("Suffixer", hook("before_media_added/01_suffix.sh").metadata().name());
    assertEquals("process", hook("before_media_added/01_suffix.sh").executorName());
  }

  @Test
  void writableByOthersIsRefusedWithTheFix() throws Exception {
    Path file = executable("before_media_added/01_open.sh", "#!/bin/sh\necho '{}'\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path lua = TestRuntime.write(root, "before_media_added/02_open.lua", "return {}");
    Files.setPosixFilePermissions(lua, PosixFilePermissions.fromString("rw-rw-r--"));
    start("");
    assertEquals(file + " is world-writable, so others could change what runs: chmod go-w " + file
        + " (or set hooks.strict_permissions: false for development)",
        hook("before_media_added/01_open.sh").loadError().getMessage());
    assertTrue(hook("before_media_added/02_open.lua").loadError().getMessage().contains("is group-writable"));
  }

  @Test
  void aWritableHooksDirectoryIsRefusedToo() throws Exception {
    executable("before_media_added/01_ok.sh", "#!/bin/sh\necho '{}'\n");
    Path directory = root.resolve("hooks/before_media_added");
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
    start("");
    assertTrue(hook("before_media_added/01_ok.sh").loadError().getMessage()
        .startsWith(directory + " is world-writable"));
  }

  @Test
  void strictPermissionsCanBeSwitchedOffForDevelopment() throws Exception {
    Path file = executable("before_media_added/01_open.sh", "#!/bin/sh\necho '{}'\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrwxrwx"));
    start("strict_permissions: false");
    assertEquals(null, hook("before_media_added/01_open.sh").loadError());
  }

  @Test
  void aNonExecutableScriptIsALoadErrorSayingChmod() throws Exception {
    Path file = TestRuntime.write(root, "before_media_added/01_plain.sh", "#!/bin/sh\necho '{}'\n");
    start("");
    assertEquals("not executable: chmod +x " + file, hook("before_media_added/01_plain.sh").loadError().getMessage());
  }

  @Test
  void theChecksumLockRefusesChangedHooks() throws Exception {
    Path script = executable("before_media_added/01_a.sh", "#!/bin/sh\necho '{}'\n");
    Path lua = TestRuntime.write(root, "before_media_added/02_b.lua", "return {}");
    start("require_lock: true");
    assertTrue(hook("before_media_added/01_a.sh").loadError().getMessage().contains("is not in"));
    HookCheck check = new HookCheck(runtime);
    check.writeLock();
    assertEquals(List.of(), check.problems(), "what 'hooks check --lock' exits 0 on");
    assertTrue(Files.readString(root.resolve("hooks/hooks.lock")).contains("  before_media_added/02_b.lua\n"));
    runtime.reload();
    assertEquals(null, hook("before_media_added/01_a.sh").loadError());
    assertEquals(null, hook("before_media_added/02_b.lua").loadError());
    Files.writeString(script, "#!/bin/sh\necho '{\"halt\": true}'\n");
    Files.writeString(lua, "return { halt = true }");
    runtime.reload();
    assertTrue(hook("before_media_added/01_a.sh").loadError().getMessage().contains("changed since it was locked"));
    assertTrue(hook("before_media_added/02_b.lua").loadError().getMessage().contains("changed since it was locked"));
  }

  private String titleAfterBeforeMediaAdded() {
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    return handle.runSync(MediaEvent.of("before_media_added", handle.context(), "Heat")).media().title();
  }

  private static String suffixer(String suffix) {
    return "#!/bin/sh\necho \"{\\\"changes\\\": {\\\"media\\\": {\\\"title\\\": \\\"$HOOK_MEDIA_TITLE " + suffix
        + "\\\"}}}\"\n";
  }

  @Test
  void aLockedLinkedHookNeverRunsNewContentOfItsTarget() throws Exception {
    Path target = root.resolve("outside/suffix.sh");
    Files.createDirectories(target.getParent());
    Files.writeString(target, suffixer("(reviewed)"));
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path link = root.resolve("hooks/before_media_added/01_suffix.sh");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, target);
    start("require_lock: true");
    HookCheck check = new HookCheck(runtime);
    check.writeLock();
    assertEquals(List.of(), check.problems(), "what 'hooks check --lock' exits 0 on");
    runtime.reload();
    assertEquals("Heat (reviewed)", titleAfterBeforeMediaAdded());
    Files.writeString(target, suffixer("(tampered)"));
    assertEquals("Heat (reviewed)", titleAfterBeforeMediaAdded(), "runs what was hashed, not what the link says now");
    runtime.reload();
    assertTrue(hook("before_media_added/01_suffix.sh").loadError().getMessage()
        .contains("changed since it was locked"));
    assertEquals("Heat", titleAfterBeforeMediaAdded());
  }

  @Test
  void anEditedProcessHookRunsOnlyOnceAReloadHasCheckedIt() throws Exception {
    Path file = executable("before_media_added/01_suffix.sh", suffixer("(v1)"));
    start("");
    assertEquals("Heat (v1)", titleAfterBeforeMediaAdded());
    Files.writeString(file, suffixer("(v2)"));
    assertEquals("Heat (v1)", titleAfterBeforeMediaAdded(), "the edit has not been loaded yet");
    runtime.reload();
    assertEquals("Heat (v2)", titleAfterBeforeMediaAdded());
  }

  @Test
  void concurrentHookProcessesAreCapped() throws Exception {
    executable("on_media_added/01_slow.sh", "#!/bin/sh\nsleep 0.3\necho '{}'\n");
    start("process:\n  max_concurrent: 1\nprocess_timeout_ms: 5000");
    InstalledHook hook = hook("on_media_added/01_slow.sh");
    ExecutorService threads = Executors.newFixedThreadPool(3);
    long start = System.nanoTime();
    List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(threads.submit(() -> new HookTester(runtime).test(hook.file(), "on_media_added", null)));
    }
    for (var run : runs) {
      run.get(10, TimeUnit.SECONDS);
    }
    threads.shutdown();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 850, "three 300 ms hooks one at a time: " + millis + " ms");
    assertEquals(List.of(RunStatus.OK, RunStatus.OK, RunStatus.OK),
        runtime.runStore().recent(3).stream().map(RunRecord::status).toList());
  }
}
