package dev.hookpoint.runtime.testing;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.SqliteStores;
import java.nio.file.Path;
import java.util.List;

/**
 * A host on durable delivery, run in its own JVM by tests that kill it: fires its events, says {@code STORED} on
 * stdout once every one is stored, then runs hooks until it is killed.
 *
 * <p>Arguments: the test's root directory (hooks in {@code root/hooks}, the database {@code root/host.db}), the
 * number of events, the YAML for {@code hooks}.
 */
public final class DurableHost {

  private DurableHost() {}

  /** The runtime a durable host of {@code root} runs, in this JVM or a child's. */
  public static HookRuntime runtime(Path root, String yaml) {
    return HookRuntime.builder(TestRuntime.config(root, yaml)).hookPoints(List.of(TestRuntime.ON))
        .standardExecutors().dataSource(SqliteStores.dataSource(root.resolve("host.db"))).closeOnShutdown(false)
        .build().start();
  }

  public static void main(String[] args) throws InterruptedException {
    HookRuntime runtime = runtime(Path.of(args[0]), args[2]);
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    for (int i = 0; i < Integer.parseInt(args[1]); i++) {
      handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t" + i));
    }
    System.out.println("STORED");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
