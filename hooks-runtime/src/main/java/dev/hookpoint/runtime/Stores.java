package dev.hookpoint.runtime;

import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.history.HookStateStore;
import dev.hookpoint.runtime.history.InMemoryHookStateStore;
import dev.hookpoint.runtime.history.InMemoryRunStore;
import dev.hookpoint.runtime.history.JdbcHookStateStore;
import dev.hookpoint.runtime.history.JdbcRunStore;
import dev.hookpoint.runtime.history.RunStore;
import dev.hookpoint.runtime.history.SqliteStores;
import dev.hookpoint.runtime.history.StoreException;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's two stores, as the builder chose them: the host's own, JDBC stores on the host's data source, in
 * memory when asked, or by default SQLite beside the hooks. A database that cannot be used is not the host's
 * failure: the stores fall back to memory, and the problem is logged and kept for the {@code hooks} command.
 *
 * @param made whether the runtime made the run store (and so closes it)
 * @param database the database the runtime's own stores use (the host's, or the default file), for durable
 *     background delivery; {@code null} when they use none
 * @param where names that database in messages
 */
record Stores(RunStore runs, HookStateStore state, Optional<StoreException> problem, boolean made,
    DataSource database, String where) {

  private static final Logger LOG = LoggerFactory.getLogger(Stores.class);

  /**
   * @param dataSource the host's database, or {@code null} for the default file
   * @param memory whether the host asked for memory only
   */
  static Stores choose(HookpointConfig config, Path baseDirectory, RunStore runs, HookStateStore state,
      DataSource dataSource, boolean memory) {
    int maxRuns = config.hooks().history().maxRuns();
    boolean needed = runs == null || state == null;
    // A host with hooks switched off has nothing to switch or record: no file for it.
    if (memory || !needed || (dataSource == null && !config.hooks().enabled())) {
      return new Stores(runs != null ? runs : new InMemoryRunStore(maxRuns),
          state != null ? state : new InMemoryHookStateStore(), Optional.empty(), false, null, null);
    }
    String where = dataSource != null ? "the host's data source" : config.storeFile(baseDirectory).toString();
    try {
      DataSource database = dataSource != null ? dataSource : SqliteStores.dataSource(config.storeFile(baseDirectory));
      return new Stores(runs != null ? runs : new JdbcRunStore(database, where, maxRuns),
          state != null ? state : new JdbcHookStateStore(database, where), Optional.empty(), runs == null,
          database, where);
    } catch (StoreException e) {
      LOG.error("{}. Until then hook switches and runs are kept in memory only: switches saved there are not "
          + "applied, and nothing recorded now outlives this process", e.getMessage());
      return new Stores(runs != null ? runs : new InMemoryRunStore(maxRuns),
          state != null ? state : new InMemoryHookStateStore(), Optional.of(e), false, null, null);
    }
  }

  /** Writes the runs the runtime's own store still has queued; a host's own store is the host's to close. */
  void close() {
    if (made && runs instanceof JdbcRunStore jdbc) {
      jdbc.close();
    }
  }
}
