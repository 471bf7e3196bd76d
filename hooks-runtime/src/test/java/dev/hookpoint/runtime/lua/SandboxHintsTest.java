package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hook calling what the sandbox leaves out is told so, at its line; other nil errors keep LuaJ's words. */
class SandboxHintsTest {

  @TempDir Path dir;
  private LuaHarness lua;

  @BeforeEach
  void harness() {
    lua = new LuaHarness(dir);
  }

  private String failure(String source) {
    return lua.run(source).failure().getMessage();
  }

  @Test
  void callingOsExecuteSaysItIsNotInTheSandbox() {
    assertEquals("attempt to call nil (os.execute is not available in the hook sandbox; docs/lua-hooks.md lists "
        + "what is)", failure("function execute(event)\n  os.execute('id')\nend"));
    assertEquals(Integer.valueOf(2), lua.run("function execute(event)\n  os.execute('id')\nend").failure().line());
  }

  @Test
  void indexingIoSaysItIsNotInTheSandbox() {
    assertEquals("attempt to index ? (a nil value) (io.open is not available in the hook sandbox; "
        + "docs/lua-hooks.md lists what is)", failure("function execute(event) local f = io.open('/etc/passwd') end"));
  }

  @Test
  void requireToo() {
    assertEquals("attempt to call nil (require is not available in the hook sandbox; docs/lua-hooks.md lists "
        + "what is)", failure("function execute(event) local http = require('socket.http') end"));
  }

  @Test
  void otherNilErrorsAndCommentsGetNoHint() {
    assertEquals("attempt to index ? (a nil value)",
        failure("function execute(event) return event.nothing.here end -- not io.open"));
    assertEquals("attempt to call nil", failure("function execute(event) undefined_function() end"));
  }
}
