package dev.hookpoint.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookpoint.runtime.history.SqliteStores;
import dev.hookpoint.runtime.testing.PostgresCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database of a durable benchmark, with one data source per runtime instance, as separate host processes would
 * have: a SQLite file (the runtime's own {@link SqliteStores} data source, as a host that hands it one gets), or a
 * throwaway PostgreSQL cluster on 127.0.0.1 (the runtime tests' {@link PostgresCluster}) with a HikariCP pool each.
 */
final class DurableDatabase implements AutoCloseable {

  /** Per instance: db-scheduler's threads, the run store's writer, the host's thread, and headroom. */
  private static final int POOL_SIZE = 8;

  private final PostgresCluster cluster;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<DataSource> dataSources = new ArrayList<>();

  private DurableDatabase(PostgresCluster cluster) {
    this.cluster = cluster;
  }

  /** @param kind {@code sqlite} or {@code postgresql} */
  static DurableDatabase open(String kind, Path root, int instances) {
    switch (kind) {
      case "sqlite" -> {
        DurableDatabase database = new DurableDatabase(null);
        for (int i = 0; i < instances; i++) {
          database.dataSources.add(SqliteStores.dataSource(root.resolve("host.db")));
        }
        return database;
      }
      case "postgresql" -> {
        DurableDatabase database;
        try {
          database = new DurableDatabase(PostgresCluster.start());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < instances; i++) {
          HikariConfig config = new HikariConfig();
          config.setJdbcUrl(database.cluster.url());
          config.setMaximumPoolSize(POOL_SIZE);
          config.setPoolName("bench-instance-" + i);
          HikariDataSource pool = new HikariDataSource(config);
          database.pools.add(pool);
          database.dataSources.add(pool);
        }
        return database;
      }
      default -> throw new IllegalArgumentException("no such database: " + kind);
    }
  }

  DataSource dataSource(int instance) {
    return dataSources.get(instance);
  }

  @Override
  public void close() {
    pools.forEach(HikariDataSource::close);
    if (cluster != null) {
      try {
        cluster.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
