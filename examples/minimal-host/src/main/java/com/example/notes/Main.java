package com.example.notes;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.history.RunRecord;
import java.nio.file.Path;

/** Saves two notes and deletes one, with the hooks in {@code <directory>/hooks}; prints what happened. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Path directory = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
    // hookpoint.yaml is optional: without it every setting has its default, and hooks live in ./hooks.
    HookRuntime hooks = HookRuntime.builder(ConfigLoader.load(directory.resolve("hookpoint.yaml"), System.getenv()))
        .baseDirectory(directory)
        .standardExecutors()
        .build()
        .start();
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
    for (RunRecord run : hooks.runStore().recent(10)) {
      System.out.println("run: " + run.hookId() + " " + run.status().wireName() + " " + run.logs());
    }
  }
}
