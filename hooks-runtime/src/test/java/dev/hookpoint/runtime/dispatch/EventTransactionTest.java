package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.EventTransaction;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.history.SqliteStores;
import dev.hookpoint.runtime.testing.Await;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A background event stored in the host's transaction exists if and only if the host's action commits. */
class EventTransactionTest {

  @TempDir Path root;
  private DataSource database;
  private HookRuntime runtime;

  @BeforeEach
  void start() throws Exception {
    TestRuntime.write(root, "on_media_added/01_note.lua", """
        function execute(event, context)
          log.info(event.media.title)
          return { message = "noted" }
        end
        """);
    database = SqliteStores.dataSource(root.resolve("host.db"));
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE media (title TEXT NOT NULL)");
    }
    runtime = HookRuntime.builder(TestRuntime.config(root, "async:\n  poll_interval_ms: 50\n"))
        .hookPoints(List.of(TestRuntime.ON)).standardExecutors().dataSource(database).closeOnShutdown(false)
        .build().start();
  }

  @AfterEach
  void close() {
    runtime.close();
  }

  /** The host's action: a row of its own and the event, in one transaction it commits or rolls back. */
  private void add(String title, boolean commit) throws Exception {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try (EventTransaction events = runtime.storeEventsIn(connection)) {
        try (var insert = connection.prepareStatement("INSERT INTO media (title) VALUES (?)")) {
          insert.setString(1, title);
          insert.executeUpdate();
        }
        HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
        handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), title));
        assertEquals(0, countOutside("hookpoint_tasks"), "not visible before the commit");
      }
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
    }
  }

  private long countOutside(String table) throws Exception {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      return rows.next() ? rows.getLong(1) : -1;
    }
  }

  private List<RunRecord> runs() {
    return runtime.runStore().recent(100);
  }

  @Test
  void anEventOfACommittedActionRunsAndOneOfARolledBackActionNeverExists() throws Exception {
    add("Rolled back", false);
    add("Committed", true);
    Await.until(() -> runs().size() == 1, 10_000, "the committed event's run");
    RunRecord run = runs().get(0);
    assertEquals(RunStatus.OK, run.status());
    assertEquals(List.of("INFO Committed"), run.logs());
    Thread.sleep(500); // ten polls: the rolled-back event would have run by now
    assertEquals(1, runs().size(), runs()::toString);
    assertEquals(0, countOutside("hookpoint_tasks"), "nothing left stored");
    assertEquals(1, countOutside("media"));
  }

  @Test
  void aFailureToStoreInTheHostsTransactionIsThrownToTheHostSoItRollsBack() throws Exception {
    Connection closed = database.getConnection();
    closed.close();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    IllegalStateException refused;
    try (EventTransaction events = runtime.storeEventsIn(closed)) {
      refused = assertThrows(IllegalStateException.class,
          () -> handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "Heat")));
    }
    assertTrue(refused.getMessage().startsWith("[hookpoint:delivery-failed] on_media_added could not be stored in "
        + "the host's transaction"), refused.getMessage());
    assertTrue(refused.getMessage().endsWith("; roll it back"), refused.getMessage());
    // Closed, the binding is gone: the next event is stored on its own connection and runs.
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "Ronin"));
    Await.until(() -> runs().size() == 1, 10_000, "the event fired after the binding was closed");
  }
}
