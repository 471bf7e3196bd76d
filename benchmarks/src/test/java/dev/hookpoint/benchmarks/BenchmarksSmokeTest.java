package dev.hookpoint.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Each benchmark runs once, outside JMH: its setup works, each measured method returns without error, and what it
 * measures is what it claims (hooks really run). Speed is the benchmarks' business, not this test's.
 */
class BenchmarksSmokeTest {

  @ParameterizedTest(name = "{0} runs")
  @ValueSource(classes = {DispatchBenchmark.class, LuaHookBenchmark.class, ProcessHookBenchmark.class,
      AsyncBenchmark.class, DiscoveryBenchmark.class, SandboxBenchmark.class, DurableBenchmark.class,
      DurableInsertBenchmark.class})
  void eachBenchmarkRunsOnce(Class<?> type) throws Exception {
    runOnce(type.getConstructor().newInstance());
  }

  /** The durable benchmarks' second database (the first, SQLite, runs above): a throwaway PostgreSQL cluster. */
  @org.junit.jupiter.api.Test
  void theDurableBenchmarksRunOnPostgresql() throws Exception {
    DurableBenchmark throughput = new DurableBenchmark();
    throughput.database = "postgresql";
    runOnce(throughput);
    DurableInsertBenchmark insert = new DurableInsertBenchmark();
    insert.database = "postgresql";
    runOnce(insert);
  }

  /** Every durable run the benchmark waits for really ran its hook: a batch returns the runs counted so far. */
  @org.junit.jupiter.api.Test
  void theDurableBenchmarkCountsEveryEventOfABatch() throws Exception {
    DurableBenchmark benchmark = new DurableBenchmark();
    benchmark.setUp();
    try {
      assertEquals(DurableBenchmark.BATCH, benchmark.events());
      assertEquals(2L * DurableBenchmark.BATCH, benchmark.events());
    } finally {
      benchmark.tearDown();
    }
  }

  /** The floor inserts the row the runtime stores: the same data but for the event's id and time. */
  @org.junit.jupiter.api.Test
  @SuppressWarnings("unchecked")
  void theBareInsertStoresTheRowAFireStores() throws Exception {
    DurableInsertBenchmark benchmark = new DurableInsertBenchmark();
    benchmark.setUp();
    try {
      benchmark.fire();
      benchmark.bareInsert();
      List<String> stored = benchmark.storedData();
      assertEquals(2, stored.size(), stored::toString);
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      List<java.util.Map<String, Object>> rows = new ArrayList<>();
      for (String data : stored) {
        java.util.Map<String, Object> row = json.readValue(data, java.util.Map.class);
        java.util.Map<String, Object> payload = (java.util.Map<String, Object>) row.get("payload");
        assertNotNull(row.remove("event_id"));
        assertNotNull(payload.remove("timestamp"));
        assertNotNull(((java.util.Map<String, Object>) payload.get("context")).remove("event_id"));
        rows.add(row);
      }
      assertEquals(rows.get(0), rows.get(1));
    } finally {
      benchmark.tearDown();
    }
  }

  private static void runOnce(Object benchmark) throws Exception {
    Class<?> type = benchmark.getClass();
    call(benchmark, Setup.class);
    try {
      List<Method> measured = annotated(type, Benchmark.class);
      assertTrue(measured.size() >= 1, type + " measures nothing");
      for (Method method : measured) {
        Object result = invoke(benchmark, method);
        if (method.getReturnType() != void.class) {
          assertNotNull(result, method.getName());
        }
      }
    } finally {
      call(benchmark, TearDown.class);
    }
  }

  @org.junit.jupiter.api.Test
  void theLuaBenchmarkReallyAppliesTheAnimeHook() throws Exception {
    LuaHookBenchmark benchmark = new LuaHookBenchmark();
    benchmark.setUp();
    try {
      assertEquals("Anime 1080p", benchmark.endToEnd().qualityProfile());
      assertEquals("Anime 1080p", benchmark.endToEndFiveHooks().qualityProfile());
      assertEquals("Anime 1080p", benchmark.rawLuaj().get("changes").get("media_item").get("quality_profile")
          .tojstring());
    } finally {
      benchmark.tearDown();
    }
  }

  private static void call(Object target, Class<? extends java.lang.annotation.Annotation> annotation)
      throws Exception {
    for (Method method : annotated(target.getClass(), annotation)) {
      invoke(target, method);
    }
  }

  private static Object invoke(Object target, Method method) throws Exception {
    try {
      return method.invoke(target);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static List<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
    List<Method> methods = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      if (method.isAnnotationPresent(annotation)) {
        methods.add(method);
      }
    }
    methods.sort(java.util.Comparator.comparing(Method::getName));
    return methods;
  }
}
