package dev.hookpoint.runtime.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.testing.PostgresCluster;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The stores' contract on a real PostgreSQL server (a throwaway cluster on loopback), through a HikariCP pool as a
 * host would give it. One cluster for the class; every test starts with none of Hookpoint's tables.
 */
@Timeout(60)
class PostgresStoreContractTest extends StoreContract {

  private static PostgresCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    assertTrue(PostgresCluster.available(), "PostgreSQL's initdb and pg_ctl, on the PATH or in "
        + "/usr/lib/postgresql/<version>/bin (apt-get install postgresql)");
    cluster = PostgresCluster.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void dropTables() throws Exception {
    execute("DROP TABLE IF EXISTS hookpoint_runs, hookpoint_runs_v3, hookpoint_state, hookpoint_settings, "
        + "hookpoint_schema");
  }

  @Override
  DataSource database() {
    return cluster.dataSource();
  }

  @Override
  String where() {
    return "the host's data source";
  }
}
