package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.history.StoreException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hooks enable|disable <id>}: switches one hook on or off, kept by the host's state store. When that store is
 * in memory, the switch is lost when the command exits: it says so and exits with {@link HooksCommand#NOT_KEPT}.
 */
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
    HookRuntime hooks = runtime.get();
    try {
      hooks.setEnabled(hookId, enable);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    } catch (StoreException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().println("nothing was switched");
      return 1;
    }
    String done = (enable ? "enabled " : "disabled ") + hookId;
    if (!hooks.stateStore().persistent()) {
      spec.commandLine().getErr().println(done + " in this process only, NOT kept: "
          + HooksCommand.inMemoryOnly(hooks, "hook switches"));
      return HooksCommand.NOT_KEPT;
    }
    spec.commandLine().getOut().println(done);
    return 0;
  }
}
