package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.LoadedHook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Lua hook is compiled from the bytes the runtime read, checked and hashed, never from the file again. */
class LuaSourceTest {

  @TempDir Path dir;

  @Test
  void aLuaHookCompilesTheBytesItIsGivenNotWhatTheFileSaysNow() throws Exception {
    LuaHarness harness = new LuaHarness(dir);
    Path file = harness.write("return { message = 'what the file says now' }");
    LoadedHook hook = harness.executor.load(new HookFile(file, "after_media_added", file.getFileName().toString()),
        "return { message = 'what was hashed' }".getBytes(StandardCharsets.UTF_8));
    LuaHarness.Outcome outcome = harness.run(hook, LuaHarness.event(), 2_000, new HookLog("x", 10, 100));
    assertEquals(Map.of("message", "what was hashed"), outcome.result());
  }
}
