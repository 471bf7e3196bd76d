package dev.hookpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.testing.ClosesRuntimes;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hooks new} writes a commented hook that passes {@code hooks check} and {@code hooks test} as written, for
 * every language, with the next free prefix and safe permissions, and never over an existing file.
 */
@ExtendWith(ClosesRuntimes.class)
class NewCommandTest {

  @TempDir Path root;
  private HookRuntime runtime;

  @BeforeEach
  void start() {
    runtime = TestRuntime.standard(root, "");
  }

  private Hooks.Result run(String... args) {
    return Hooks.run(runtime, args);
  }

  private Path written(Hooks.Result result) {
    assertEquals(0, result.exitCode(), result.err());
    String first = result.out().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("Wrote "), result.out());
    return Path.of(first.substring("Wrote ".length()));
  }

  @ParameterizedTest(name = "{0} for {1}")
  @CsvSource({"lua, before_media_added", "sh, before_media_added", "python, before_media_added",
      "lua, after_media_added", "sh, after_media_added", "python, on_media_added"})
  void aNewHookPassesCheckAndTestAsWritten(String lang, String event) throws Exception {
    Path file = written(run("new", event, "--lang", lang));
    assertEquals(root.resolve("hooks").resolve(event).resolve("10_my_hook" + HookTemplates.Lang.valueOf(lang).extension),
        file);
    runtime.reload();
    Hooks.Result check = run("check");
    assertEquals(0, check.exitCode(), check.out() + Files.readString(file));
    assertFalse(check.out().contains(file.toString()), check.out());
    Hooks.Result test = run("test", file.toString(), "--json");
    JsonNode report = test.json();
    assertEquals("ok", report.get("status").asText(), test.out() + Files.readString(file));
    assertEquals(0, test.exitCode());
    assertEquals("INFO got Heat", report.at("/logs/0").asText(), "it reads the event's first field: " + test.out());
  }

  @Test
  void itPrintsThePathAndTheExactCommandToTestIt() {
    Hooks.Result result = run("new", "before_media_added");
    Path file = written(result);
    assertEquals(List.of("Wrote " + file, "Test it: hooks test " + file), result.out().lines().toList());
  }

  @Test
  void theTemplateListsTheFieldsWhatMayChangeAndForBeforeEventsAVeto() throws Exception {
    String lua = Files.readString(written(run("new", "before_media_added")));
    assertTrue(lua.contains("--   media.title  string  the title\n"), lua);
    assertTrue(lua.contains("-- What a hook may change (return it under changes):\n--   changes.media.title\n"), lua);
    assertTrue(lua.contains("changes = { media = { title = \"Heat\" } }"), lua);
    assertTrue(lua.contains("--   return { halt = true, message = \"why the action is vetoed\" }"), lua);
    assertTrue(lua.contains("---@param event MediaEvent\n"), "typed for the exported LuaLS stubs: " + lua);
    assertTrue(lua.contains("-- Its page:  hooks docs before_media_added\n"), lua);
    String sh = Files.readString(written(run("new", "before_media_added", "--lang", "sh")));
    assertTrue(sh.contains("#   HOOK_MEDIA_TITLE                     media.title  the title\n"), sh);
    assertTrue(sh.contains("\"halt\": true"), sh);
    String after = Files.readString(written(run("new", "after_media_added", "--lang", "python")));
    assertFalse(after.contains("halt"), "only before_ events can be vetoed: " + after);
    String on = Files.readString(written(run("new", "on_media_added")));
    assertTrue(on.contains("It runs in the background, after the fact: nothing may change."), on);
    assertFalse(on.contains("changes = {"), on);
  }

  @Test
  void thePrefixIsTenThenTheNextMultipleOfTenAfterTheHighest() throws Exception {
    assertEquals("10_my_hook.lua", written(run("new", "after_media_added")).getFileName().toString());
    assertEquals("20_b.sh", written(run("new", "after_media_added", "--name", "b", "--lang", "sh"))
        .getFileName().toString());
    TestRuntime.write(root, "after_media_added/25_manual.lua", "return {}");
    TestRuntime.write(root, "after_media_added/99_off.lua.disabled", "return {}");
    assertEquals("100_c.py", written(run("new", "after_media_added", "--name", "c", "--lang", "python"))
        .getFileName().toString(), "a disabled hook keeps its place");
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws Exception {
    Path mine = TestRuntime.write(root, "before_media_added/10_my_hook.lua", "return { message = 'mine' }");
    Path again = written(run("new", "before_media_added"));
    assertEquals("20_my_hook.lua", again.getFileName().toString());
    assertEquals("return { message = 'mine' }", Files.readString(mine));
  }

  @Test
  void scriptsAreExecutableAndNothingIsGroupOrWorldWritable() throws Exception {
    Path lua = written(run("new", "before_media_added"));
    Path sh = written(run("new", "before_media_added", "--lang", "sh"));
    Path py = written(run("new", "before_media_added", "--lang", "python"));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(lua)));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(sh)));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(py)));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(lua.getParent())));
  }

  @Test
  void anUnknownEventGetsDidYouMean() {
    Hooks.Result result = run("new", "before_media_add");
    assertEquals(1, result.exitCode());
    assertEquals("'before_media_add' is not an event; did you mean 'before_media_added'?", result.err().strip());
    assertFalse(Files.exists(root.resolve("hooks/before_media_add")));
  }

  @Test
  void aNameThatIsNotAPlainFileNameIsAUsageError() {
    Hooks.Result result = run("new", "before_media_added", "--name", "../escape");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("--name must be letters, digits, '_' and '-'"), result.err());
    assertEquals(2, run("new", "before_media_added", "--lang", "ruby").exitCode());
  }
}
