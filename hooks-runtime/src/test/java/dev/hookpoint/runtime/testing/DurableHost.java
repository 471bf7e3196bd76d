package dev.hookpoint.runtime.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.SqliteStores;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/**
 * A host on durable delivery, run in its own JVM by tests that kill it: fires its events, says {@code STORED} on
 * stdout once every one is stored, then runs hooks until it is killed. Its stores and its tasks are in one
 * database, as a host that gives the runtime its {@code DataSource} has them.
 *
 * <p>Arguments: the test's root directory (hooks in {@code root/hooks}), the number of events, the YAML for
 * {@code hooks}, and optionally the JDBC address of the database (on a HikariCP pool of its own, as a host would
 * have it); without one, the SQLite file {@code root/host.db}.
 */
public final class DurableHost {

  private DurableHost() {}

  /** A pool of the host's own on PostgreSQL, as {@code docs/operating.md} shows it. */
  private static DataSource postgres(String url) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    // Room for hooks.async.threads runs at once, db-scheduler's polls and heartbeats, and the run store's writer.
    pool.setMaximumPoolSize(8);
    pool.setPoolName("durable-host-" + ProcessHandle.current().pid());
    return new HikariDataSource(pool);
  }

  /** The runtime a durable host of {@code root} runs on {@code root/host.db}, in this JVM or a child's. */
  public static HookRuntime runtime(Path root, String yaml) {
    return runtime(root, yaml, SqliteStores.dataSource(root.resolve("host.db")));
  }

  /**
   * The same on another database; {@code docs/operating.md} shows this as a host's move to PostgreSQL. The script
   * executor first: it takes the {@code .hook} files.
   */
  public static HookRuntime runtime(Path root, String yaml, DataSource database) {
    return HookRuntime.builder(TestRuntime.config(root, yaml))
        .hookPoints(List.of(TestRuntime.ON))
        .executor(new ScriptExecutor())
        .standardExecutors()
        .dataSource(database)
        .closeOnShutdown(false)
        .build()
        .start();
  }

  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(args[0]);
    HookRuntime runtime = args.length > 3 ? runtime(root, args[2], postgres(args[3])) : runtime(root, args[2]);
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    for (int i = 0; i < Integer.parseInt(args[1]); i++) {
      handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t" + i));
    }
    System.out.println("STORED");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
