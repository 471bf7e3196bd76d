package dev.hookpoint.runtime;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.dispatch.DurableDelivery;
import dev.hookpoint.runtime.dispatch.MemoryDelivery;
import dev.hookpoint.runtime.history.SqliteStores;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hooks.async.delivery}: durable by default with the host's data source, memory otherwise or when asked. */
class DeliveryChoiceTest {

  @TempDir
  Path root;

  private HookRuntime.Builder builder(String yaml) {
    return HookRuntime.builder(TestRuntime.config(root, yaml)).hookPoints(List.of(TestRuntime.ON))
        .standardExecutors().closeOnShutdown(false);
  }

  @Test
  void aHostDataSourceMakesDeliveryDurableByDefault() throws Exception {
    try (HookRuntime runtime = builder("").dataSource(SqliteStores.dataSource(root.resolve("host.db"))).build()) {
      assertInstanceOf(DurableDelivery.class, runtime.delivery());
      assertTrue(hasTaskTable(root.resolve("host.db")), "hookpoint_tasks is made on build");
    }
  }

  @Test
  void deliveryMemoryKeepsTheQueueInMemoryEvenWithADataSource() {
    try (HookRuntime runtime = builder("async:\n  delivery: memory").dataSource(
        SqliteStores.dataSource(root.resolve("host.db"))).build()) {
      assertInstanceOf(MemoryDelivery.class, runtime.delivery());
    }
  }

  @Test
  void theDefaultStoreFileAloneKeepsMemoryDeliveryAndDurableUsesIt() throws Exception {
    try (HookRuntime runtime = builder("").build()) {
      assertInstanceOf(MemoryDelivery.class, runtime.delivery());
    }
    try (HookRuntime runtime = builder("async:\n  delivery: durable").build()) {
      assertInstanceOf(DurableDelivery.class, runtime.delivery());
      assertTrue(hasTaskTable(root.resolve("hooks.db")), "the tasks are in the default store's file");
    }
  }

  @Test
  void durableWithoutADatabaseFallsBackToMemory() {
    try (HookRuntime runtime = builder("async:\n  delivery: durable").inMemoryStores().build()) {
      assertInstanceOf(MemoryDelivery.class, runtime.delivery());
    }
  }

  private static boolean hasTaskTable(Path file) throws Exception {
    assertTrue(Files.exists(file), file.toString());
    try (Connection connection = SqliteStores.dataSource(file).getConnection();
        ResultSet tables = connection.getMetaData().getTables(null, null, "hookpoint_tasks", null)) {
      return tables.next();
    }
  }
}
