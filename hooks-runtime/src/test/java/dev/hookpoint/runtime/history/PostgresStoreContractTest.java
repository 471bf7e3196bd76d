package dev.hookpoint.runtime.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.testing.RealPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stores' contract on a real PostgreSQL server (a throwaway cluster on loopback), through a HikariCP pool as a
 * host would give it. One cluster for the class; every test starts with none of Hookpoint's tables.
 */
@Timeout(60)
class PostgresStoreContractTest extends StoreContract {

  @RegisterExtension static final RealPostgres POSTGRES = new RealPostgres();



  @BeforeEach
  void dropTables() throws Exception {
    execute("DROP TABLE IF EXISTS hookpoint_runs, hookpoint_runs_v3, hookpoint_state, hookpoint_settings, "
        + "hookpoint_schema");
  }

  @Override
  DataSource database() {
    return POSTGRES.cluster().dataSource();
  }

  @Override
  String where() {
    return "the host's data source";
  }
}
