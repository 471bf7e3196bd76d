package dev.hookpoint.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.InstalledHook;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A hook may say which hook API it was written for; one written for a newer API than the runtime's does not load. */
@ExtendWith(ClosesRuntimes.class)
class HookApiVersionTest {

  private static final String NEWER = "the hook asks for hook API version 2 (api_version), and this runtime provides "
      + "version 1: update the application's Hookpoint, or use a version of the hook written for API 1";

  @TempDir Path root;
  private HookRuntime runtime;

  private InstalledHook load(String relative, String content) throws Exception {
    Path file = TestRuntime.write(root, relative, content);
    if (!relative.endsWith(".lua")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    runtime = TestRuntime.standard(root, "");
    return runtime.hook(relative).orElseThrow();
  }

  @Test
  void theRuntimeProvidesVersionOne() {
    assertEquals(1, HookMetadata.API_VERSION);
  }

  @Test
  void aLuaHookForANewerApiIsALoadErrorSayingWhichVersionTheRuntimeHas() throws Exception {
    HookFailure error = load("before_media_added/01_new.lua",
        "\n\nhook = { name = 'new', api_version = 2 }\nfunction execute(event) return {} end").loadError();
    assertEquals(NEWER, error.getMessage());
    assertEquals(Integer.valueOf(3), error.line());
  }

  @Test
  void aLuaHookForTheCurrentApiLoads() throws Exception {
    InstalledHook hook = load("before_media_added/01_now.lua",
        "hook = { api_version = 1 }\nfunction execute(event) return {} end");
    assertNull(hook.loadError());
    assertEquals(new HookMetadata.ApiVersion(1, 1), hook.metadata().apiVersion());
  }

  @Test
  void aLuaApiVersionThatIsNotAWholeNumberIsALoadError() throws Exception {
    assertEquals("hook.api_version must be a whole number, e.g. api_version = 1, got 1.5",
        load("before_media_added/01_odd.lua", "hook = { api_version = 1.5 }\nfunction execute(event) return {} end")
            .loadError().getMessage());
  }

  @Test
  void aScriptForANewerApiIsALoadErrorAtItsHeaderLine() throws Exception {
    HookFailure error = load("on_media_added/01_new.sh",
        "#!/bin/sh\n# name: new\n# api_version: 2\necho '{}'\n").loadError();
    assertEquals(NEWER, error.getMessage());
    assertEquals(Integer.valueOf(3), error.line());
  }

  @Test
  void aGarbledHeaderApiVersionIsAWarningAndTheHookRunsAsWrittenForTheCurrentApi() throws Exception {
    InstalledHook hook = load("on_media_added/01_garbled.sh", "#!/bin/sh\n# api_version: two\necho '{}'\n");
    assertNull(hook.loadError());
    assertEquals(List.of(new HookMetadata.Warning(2, "api_version must be a whole number, e.g. '# api_version: 1'; "
        + "got 'two'; the hook is taken as written for version 1")), hook.metadata().warnings());
  }
}
