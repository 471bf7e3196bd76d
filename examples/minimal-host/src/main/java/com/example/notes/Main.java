package com.example.notes;

import dev.hookpoint.cli.HooksCommand;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.history.RunRecord;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar minimal-host.jar}: saves two notes and deletes one, with the hooks in {@code ./hooks}, and
 * prints what happened. {@code java -jar minimal-host.jar hooks ...}: the hook authors' and operators' commands
 * ({@code hooks new}, {@code test}, {@code runs}, {@code list}, ...).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Path.of("").toAbsolutePath(), args));
  }

  /** Runs in {@code directory}; the exit code. */
  static int run(Path directory, String... args) {
    // hookpoint.yaml is optional: without it every setting has its default, and hooks live in ./hooks.
    HookRuntime hooks = HookRuntime.builder(ConfigLoader.load(directory.resolve("hookpoint.yaml"), System.getenv()))
        .baseDirectory(directory)
        .standardExecutors()
        .build()
        .start();
    if (args.length > 0 && args[0].equals("hooks")) {
      try (hooks) {
        return HooksCommand.commandLine(() -> hooks).setCommandName("java -jar minimal-host.jar hooks")
            .execute(Arrays.copyOfRange(args, 1, args.length));
      }
    }
    try (hooks) {
      // The generated subclass runs the hooks; with none installed, a hook point costs one volatile read.
      NoteService notes = new HookedNoteService(hooks.dispatcher());
      System.out.println("saved: " + notes.save(new Note("groceries", "  milk, eggs  ")).text());
      try {
        notes.save(new Note("secret", "the password is hunter2"));
      } catch (HookVetoException veto) {
        System.out.println("vetoed by " + veto.hookName() + ": " + veto.reason());
      }
      notes.delete("groceries");
    }
    // Closing waited for the background hook of on_note_deleted; every run is in the history.
    for (RunRecord run : hooks.runStore().recent(3)) {
      System.out.println("run: " + run.hookId() + " " + run.status().wireName() + " " + run.logs());
    }
    return 0;
  }
}
