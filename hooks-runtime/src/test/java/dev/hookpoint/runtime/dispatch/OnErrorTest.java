package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.config.ConfigException;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.ScriptExecutor;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guards that fail closed: a before_ hook declaring {@code on_error: veto} (or an event the operator set so) vetoes
 * the action when it fails in any of the four error categories; every other hook stays fail-soft.
 */
@ExtendWith(ClosesRuntimes.class)
class OnErrorTest {

  @TempDir Path root;
  private HookRuntime runtime;

  private HookPointHandle<MediaEvent, MediaEvent.Changes> standard(String yaml) {
    runtime = TestRuntime.standard(root, yaml);
    return runtime.dispatcher().handle(TestRuntime.BEFORE);
  }

  private static MediaEvent event(HookPointHandle<MediaEvent, MediaEvent.Changes> handle, String title) {
    return MediaEvent.of("before_media_added", handle.context(), title);
  }

  private RunRecord runOf(String hookId) {
    return runtime.runStore().recent(20).stream().filter(run -> run.hookId().equals(hookId)).findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "load_error      | function execute(event) return {",
      "execution_error | function execute(event) error('guard broke') end",
      "timeout         | function execute(event) while true do end end",
      "data_error      | function execute(event) return { changes = 'not a table' } end"})
  void aBrokenGuardThatDeclaresVetoVetoesTheAction(String category, String body) {
    TestRuntime.write(root, "before_media_added/01_guard.lua",
        "hook = { name = \"Duplicate guard\", on_error = \"veto\", timeout_ms = 200 }\n" + body + "\n");
    TestRuntime.write(root, "before_media_added/02_after.lua", "return { changes = { media = { title = 'x' } } }");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = standard("");

    HookVetoException veto = assertThrows(HookVetoException.class, () -> handle.runSync(event(handle, "Heat")));
    assertEquals("before_media_added/01_guard.lua", veto.hookId());
    assertEquals("Duplicate guard", veto.hookName());
    assertTrue(veto.reason().contains("the hook failed (" + category + ") and declares on_error: veto"),
        veto.reason());
    RunRecord run = runOf("before_media_added/01_guard.lua");
    assertEquals(category, run.status().wireName());
    assertTrue(run.message().startsWith("vetoed before_media_added"), "recorded as a veto: " + run.message());
    assertTrue(runtime.runStore().recent(20).stream().noneMatch(r -> r.hookId().endsWith("02_after.lua")),
        "the chain stops at the veto");
  }

  @Test
  void aBrokenHookWithTheDefaultFailsSoft() {
    TestRuntime.write(root, "before_media_added/01_guard.lua", "function execute(event) error('broke') end");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = standard("");
    assertEquals("Heat", handle.runSync(event(handle, "Heat")).media().title());
    RunRecord run = runOf("before_media_added/01_guard.lua");
    assertEquals(RunStatus.EXECUTION_ERROR, run.status());
    assertEquals("", run.message());
  }

  @Test
  void anOperatorCanMakeEveryHookOfAnEventVeto() {
    TestRuntime.write(root, "before_media_added/01_guard.sh", "#!/bin/sh\nexit 4\n");
    root.resolve("hooks/before_media_added/01_guard.sh").toFile().setExecutable(true);
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = standard("on_error:\n  before_media_added: veto");
    HookVetoException veto = assertThrows(HookVetoException.class, () -> handle.runSync(event(handle, "Heat")));
    assertTrue(veto.reason().contains("execution_error) and hooks.on_error.before_media_added is veto"),
        veto.reason());
    assertTrue(veto.reason().contains("exited with code 4"), "names the failure: " + veto.reason());
  }

  @Test
  void aProcessGuardDeclaresVetoInItsHeaderEvenWhenItCannotLoad() {
    TestRuntime.write(root, "before_media_added/01_guard.sh", "#!/bin/sh\n# on_error: veto\necho '{}'\n");
    root.resolve("hooks/before_media_added/01_guard.sh").toFile().setExecutable(false);
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = standard("");
    HookVetoException veto = assertThrows(HookVetoException.class, () -> handle.runSync(event(handle, "Heat")));
    assertTrue(veto.reason().contains("load_error"), veto.reason());
    assertTrue(veto.reason().contains("not executable"), veto.reason());
  }

  @Test
  void aGuardThatWorksChangesTheEventLikeAnyHook() {
    ScriptExecutor executor = new ScriptExecutor();
    TestRuntime.write(root, "before_media_added/01_guard.hook", "# on_error: veto\n{\"append\": \"!\"}");
    runtime = TestRuntime.builder(root, "", executor).build().start();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
    assertEquals("Heat!", handle.runSync(event(handle, "Heat")).media().title(), "a guard that works is a hook");
  }

  @Test
  void vetoOnErrorMeansNothingAfterTheAction() {
    TestRuntime.write(root, "after_media_added/01_notify.lua",
        "hook = { on_error = 'veto' }\nfunction execute(event) error('down') end");
    runtime = TestRuntime.standard(root, "");
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.AFTER);
    assertEquals("Heat", handle.runSync(MediaEvent.of("after_media_added", handle.context(), "Heat")).media()
        .title());
    assertEquals(RunStatus.EXECUTION_ERROR, runOf("after_media_added/01_notify.lua").status());
  }

  @Test
  void anUnknownOnErrorValueIsALoadErrorThatSaysWhatIsAllowed() {
    TestRuntime.write(root, "before_media_added/01_guard.lua", "hook = { on_error = 'maybe' }\nreturn {}");
    standard("");
    String message = runtime.hook("before_media_added/01_guard.lua").orElseThrow().loadError()
        .getMessage();
    assertEquals("hook.on_error must be 'ignore' or 'veto', got 'maybe', e.g. on_error = \"veto\"", message);
  }

  @Test
  void anUnknownOnErrorValueInConfigNamesTheKeyAndTheChoices() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> TestRuntime.config(root, "on_error:\n  before_media_added: maybe"));
    assertTrue(error.getMessage().contains("'hooks.on_error.before_media_added' = \"maybe\" is not one of: ignore, "
        + "veto"), error.getMessage());
  }
}
