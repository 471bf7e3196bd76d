package dev.hookpoint.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.testing.PostgresCluster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDBC stores on a real PostgreSQL server, as a host that hands the runtime its PostgreSQL pool gets them: the
 * flags live in INTEGER columns, which PostgreSQL, unlike SQLite, will not fill from a JDBC boolean.
 */
@Timeout(120)
class JdbcStoresPostgresTest {

  private static PostgresCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    assertTrue(PostgresCluster.available(), "PostgreSQL's initdb and pg_ctl (apt-get install postgresql)");
    cluster = PostgresCluster.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aRunIsWrittenAndComesBackWithEveryFieldNewestFirst() {
    JdbcRunStore store = new JdbcRunStore(cluster.dataSource(), "postgres", 10);
    Instant start = Instant.parse("2026-01-01T10:00:00Z");
    RunRecord older = new RunRecord("r1", "on_media_added/01_notify.lua", "on_media_added", start, 1234,
        RunStatus.EXECUTION_ERROR, true, Map.of("title", "Heat"), "fixed",
        new HookError("execution_error", "attempt to index a nil value", "/hooks/01_notify.lua", 3),
        List.of("line one"), false);
    RunRecord newer = new RunRecord("r2", "on_media_added/01_notify.lua", "on_media_added", start.plusMillis(1), 7,
        RunStatus.OK, false, Map.of(), "", null, List.of(), true);
    store.record(older);
    store.record(newer);
    try {
      assertEquals(List.of(newer, older), store.recent(5));
    } finally {
      store.close();
    }
  }

  @Test
  void aSwitchIsKept() {
    JdbcHookStateStore state = new JdbcHookStateStore(cluster.dataSource(), "postgres");
    state.setEnabled("on_media_added/01_notify.lua", false);
    state.setEnabled("on_media_added/02_other.lua", false);
    state.setEnabled("on_media_added/02_other.lua", true);
    assertEquals(Set.of("on_media_added/01_notify.lua"), new JdbcHookStateStore(cluster.dataSource(), "postgres")
        .disabled());
  }
}
