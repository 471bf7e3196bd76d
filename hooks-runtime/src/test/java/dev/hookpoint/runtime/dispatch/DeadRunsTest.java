package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.history.SqliteStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dead runs kept to run again: taken once, and only the newest kept. */
class DeadRunsTest {

  @TempDir Path root;

  private DeadRuns dead(int kept) throws Exception {
    DataSource database = SqliteStores.dataSource(root.resolve("host.db"));
    try (Connection connection = database.getConnection()) {
      DeadRuns.create(connection);
    }
    return new DeadRuns(database, kept);
  }

  @Test
  void aDeadRunIsTakenOnce() throws Exception {
    DeadRuns dead = dead(10);
    dead.keep("run-1", "on_media_added/01_a.lua", "{\"x\":1}");
    assertTrue(dead.contains("run-1"));
    assertEquals(Optional.of("{\"x\":1}"), dead.take("run-1"));
    assertEquals(Optional.empty(), dead.take("run-1"));
    assertFalse(dead.contains("run-1"));
  }

  @Test
  void onlyTheNewestAreKept() throws Exception {
    DeadRuns dead = dead(3);
    for (int i = 1; i <= 5; i++) {
      dead.keep("run-" + i, "on_media_added/01_a.lua", "{}");
      Thread.sleep(2); // distinct instants, so "newest" is the order kept
    }
    assertFalse(dead.contains("run-1"), "the oldest went first");
    assertFalse(dead.contains("run-2"));
    for (int i = 3; i <= 5; i++) {
      assertTrue(dead.contains("run-" + i), "run-" + i);
    }
  }
}
