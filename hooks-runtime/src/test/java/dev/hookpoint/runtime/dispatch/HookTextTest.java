package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every string a hook controls reaches the history, the host's log and the terminal with its control characters
 * written visibly, not only its log lines: its result's message, the keys of a bad result (quoted in the
 * data_error), and its name, description and author. Otherwise a hook forges log lines or terminal output.
 */
@ExtendWith(ClosesRuntimes.class)
class HookTextTest {

  private static final String FORGED = "\\n2025-01-01 INFO all good\\r\\27[2J";

  @TempDir Path root;
  private HookRuntime runtime;

  private RunRecord runOf(String hookId) {
    return runtime.runStore().recent(20).stream().filter(run -> run.hookId().equals(hookId)).findFirst()
        .orElseThrow();
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  private HookPointHandle<MediaEvent, MediaEvent.Changes> start() {
    runtime = TestRuntime.standard(root, "");
    return runtime.dispatcher().handle(TestRuntime.AFTER);
  }

  @Test
  void aResultMessageIsRecordedWithItsControlCharactersEscaped() {
    TestRuntime.write(root, "after_media_added/01_msg.lua", "return { message = 'done" + FORGED + "' }");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = start();
    handle.runSync(MediaEvent.of("after_media_added", handle.context(), "Heat"));
    String message = runOf("after_media_added/01_msg.lua").message();
    assertFalse(hasControl(message), message);
    assertTrue(message.startsWith("done\\n2025-01-01 INFO all good\\r\\u001b[2J"), message);
  }

  @Test
  void aBadResultKeyQuotedInTheDataErrorIsEscapedAndCut() {
    TestRuntime.write(root, "after_media_added/01_key.lua",
        "return { ['x" + FORGED + "' .. ('k'):rep(100000)] = 1 }");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = start();
    handle.runSync(MediaEvent.of("after_media_added", handle.context(), "Heat"));
    RunRecord run = runOf("after_media_added/01_key.lua");
    assertEquals("data_error", run.status().wireName());
    assertFalse(hasControl(run.error().message()), run.error().message());
    assertTrue(run.error().message().length() < 20_000, "cut: " + run.error().message().length());
  }

  @Test
  void aHooksNameDescriptionAndAuthorAreEscaped() {
    TestRuntime.write(root, "before_media_added/01_guard.lua", "hook = { name = 'Guard" + FORGED
        + "', description = 'd" + FORGED + "', author = 'a" + FORGED + "' }\n"
        + "return { halt = true, message = 'no" + FORGED + "' }");
    runtime = TestRuntime.standard(root, "");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    var metadata = runtime.hook("before_media_added/01_guard.lua").orElseThrow().metadata();
    assertFalse(hasControl(metadata.name() + metadata.description() + metadata.author()), metadata.toString());

    HookVetoException veto = assertThrows(HookVetoException.class,
        () -> handle.runSync(MediaEvent.of("before_media_added", handle.context(), "Heat")));
    assertFalse(hasControl(veto.getMessage()), "the host logs the veto: " + veto.getMessage());
  }
}
