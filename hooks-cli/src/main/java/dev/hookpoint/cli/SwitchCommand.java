package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hooks enable|disable <id>}: switches one hook on or off, persisted by the host's state store. */
@Command(description = "Switch one hook on or off by its id (event/file, as 'hooks list' shows).")
final class SwitchCommand implements Callable<Integer> {

  private final Supplier<HookRuntime> runtime;
  private final boolean enable;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "HOOK", description = "The hook's id, e.g. after_media_added/02_anime.lua.")
  String hookId;

  SwitchCommand(Supplier<HookRuntime> runtime, boolean enable) {
    this.runtime = runtime;
    this.enable = enable;
  }

  @Override
  public Integer call() {
    try {
      runtime.get().setEnabled(hookId, enable);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    spec.commandLine().getOut().println((enable ? "enabled " : "disabled ") + hookId);
    return 0;
  }
}
