package dev.hookpoint.runtime.testing;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.history.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A host that queues background events and exits without closing its runtime, run in its own JVM by tests: its
 * runs are appended to a file, one {@code hook status} line each, so the test can read them after the JVM is gone.
 *
 * <p>Arguments: the test's root directory, the number of events, the YAML for {@code hooks}.
 */
public final class ExitingHost {

  private ExitingHost() {}

  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    Path log = root.resolve("runs.txt");
    RunStore store = new RunStore() {
      @Override
      public synchronized void record(RunRecord run) {
        try {
          Files.writeString(log, run.hookId() + " " + run.status().wireName() + "\n", StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public List<RunRecord> recent(int limit) {
        return List.of();
      }
    };
    HookRuntime runtime = TestRuntime.builder(root, args[2], new ScriptExecutor()).runStore(store).build().start();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    for (int i = 0; i < Integer.parseInt(args[1]); i++) {
      handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t" + i));
    }
    System.exit(0);
  }
}
