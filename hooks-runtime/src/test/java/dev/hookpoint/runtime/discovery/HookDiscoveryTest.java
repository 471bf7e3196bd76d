package dev.hookpoint.runtime.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookDiscoveryTest {

  @TempDir Path root;

  private final HookDiscovery discovery =
      new HookDiscovery(Set.of("after_media_added", "before_media_added", "on_download_completed"));

  private void touch(String relative) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }

  @Test
  void hooksRunByNumericPrefixThenNameWithUnprefixedLast() throws Exception {
    for (String name : List.of("10_c.lua", "2_b.lua", "02_a.lua", "zeta.lua", "alpha.sh", "1_first.sh")) {
      touch("after_media_added/" + name);
    }
    List<String> names = discovery.scan(root).files().stream().map(HookFile::fileName).toList();
    assertEquals(List.of("1_first.sh", "02_a.lua", "2_b.lua", "10_c.lua", "alpha.sh", "zeta.lua"), names);
  }

  @Test
  void hiddenBackupDisabledAndNoteFilesAreIgnored() throws Exception {
    for (String name : List.of(".hidden.lua", "01_a.lua~", "01_a.lua.swp", "01_a.lua.bak", "02_b.lua.disabled",
        "README.md", "notes.txt", "01_a.lua")) {
      touch("after_media_added/" + name);
    }
    List<String> names = discovery.scan(root).files().stream().map(HookFile::fileName).toList();
    assertEquals(List.of("01_a.lua"), names);
  }

  @Test
  void unknownEventDirectoryWarnsWithSuggestionAndIsSkipped() throws Exception {
    touch("after_media_add/01_a.lua");
    touch("totally_unrelated_name/01_a.lua");
    HookDiscovery.Result result = discovery.scan(root);
    assertEquals(List.of(), result.files());
    assertEquals("'after_media_add' is not an event; did you mean 'after_media_added'? Its hooks are ignored",
        result.warnings().get(0).message());
    assertTrue(result.warnings().get(1).message().startsWith("'totally_unrelated_name' is not an event; its hooks"),
        result.warnings().get(1).message());
  }

  @Test
  void filesOutsideAnEventDirectoryWarn() throws Exception {
    touch("01_stray.lua");
    HookDiscovery.Result result = discovery.scan(root);
    assertTrue(result.warnings().get(0).message().startsWith("hooks go in a directory named after their event"));
  }

  @Test
  void namesWithControlCharactersAreIgnoredAndShownEscaped() throws Exception {
    touch("after_media_added/01_ok.lua");
    touch("after_media_added/02_x\n[main] ERROR dev.hookpoint FORGED\u001b[2J.lua");
    touch("evil\rdir/01_a.lua");
    HookDiscovery.Result result = discovery.scan(root);
    assertEquals(List.of("01_ok.lua"), result.files().stream().map(HookFile::fileName).toList());
    List<String> messages = result.warnings().stream().map(DiscoveryWarning::message).toList();
    assertTrue(messages.contains("'02_x\\n[main] ERROR dev.hookpoint FORGED\\u001b[2J.lua' has control characters "
        + "in its name, which would reach the logs; it is ignored: rename it"), messages.toString());
    assertTrue(messages.stream().anyMatch(message -> message.startsWith("'evil\\rdir' has control characters")),
        messages.toString());
    for (DiscoveryWarning warning : result.warnings()) {
      assertEquals(warning.message(), dev.hookpoint.runtime.executor.HookLog.escape(warning.message()));
      assertEquals(warning.path().toString(), dev.hookpoint.runtime.executor.HookLog.escape(warning.path().toString()));
    }
  }

  @Test
  void missingDirectoryIsEmptyNotAnError() {
    assertEquals(List.of(), discovery.scan(root.resolve("nope")).files());
  }

  @Test
  void headerCommentGivesMetadata() {
    HookMetadata metadata = HeaderMetadata.parse(List.of("#!/bin/sh", "# name: Notify Plex",
        "# description: Tells Plex to rescan", "# author: sam", "# version: 1.2", "# timeout_ms: 10_000",
        "echo hi", "# name: not header"), "01_notify.sh");
    assertEquals(new HookMetadata("Notify Plex", "Tells Plex to rescan", "sam", "1.2", 10_000L), metadata);
    assertEquals("01_notify.sh", HeaderMetadata.parse(List.of("echo hi"), "01_notify.sh").name());
    assertEquals("Lua hook", HeaderMetadata.parse(List.of("-- name: Lua hook"), "x.lua").name());
  }

  @Test
  void aHeadersRetriesLowerTheConfiguredCountAndABadOneIsAWarning() {
    assertEquals(0, HeaderMetadata.parse(List.of("#!/bin/sh", "# retries: 0"), "x.sh").retries(3));
    assertEquals(3, HeaderMetadata.parse(List.of("#!/bin/sh"), "x.sh").retries(3), "none: the configured count");
    HookMetadata bad = HeaderMetadata.parse(List.of("#!/bin/sh", "# retries: -2"), "x.sh");
    assertEquals(3, bad.retries(3));
    assertEquals(List.of(new HookMetadata.Warning(2, "retries must be a whole number, 0 or more, e.g. "
        + "'# retries: 1'; got '-2'; hooks.async.retries applies")), bad.warnings());
  }

  @Test
  void aBadTimeoutInAHeaderIsAWarningWithItsLineAndTheDefaultApplies() {
    HookMetadata metadata = HeaderMetadata.parse(List.of("#!/bin/sh", "# timeout_ms: soon"), "x.sh");
    assertNull(metadata.timeoutMs(), "the default timeout applies");
    assertEquals(List.of(new HookMetadata.Warning(2, "timeout_ms must be a positive whole number of milliseconds, "
        + "e.g. '# timeout_ms: 10000'; got 'soon'; the default timeout applies")), metadata.warnings());
  }

  @Test
  void commentsThatOnlyLookLikeMetadataAreComments() {
    HookMetadata metadata = HeaderMetadata.parse(List.of("#!/bin/sh", "# timeout: ignores SIGTERM",
        "# note: this is not a key", "# Author of the idea: someone"), "x.sh");
    assertEquals(HookMetadata.named("x.sh"), metadata);
  }

  @Test
  void aGarbledOnErrorFailsClosedAndSaysSo() {
    HookMetadata metadata = HeaderMetadata.parse(List.of("#!/bin/sh", "# on_error: vto"), "x.sh");
    assertEquals(dev.hookpoint.runtime.executor.OnError.VETO, metadata.onError());
    assertEquals(List.of(new HookMetadata.Warning(2, "on_error must be 'ignore' or 'veto', got 'vto', e.g. "
        + "'# on_error: veto'; until it is fixed the hook vetoes on error")), metadata.warnings());
  }
}
