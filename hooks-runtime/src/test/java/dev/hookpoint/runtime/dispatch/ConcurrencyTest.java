package dev.hookpoint.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.BackgroundStats;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.RunStatus;
import dev.hookpoint.runtime.contract.HookPointHandle;
import dev.hookpoint.runtime.history.RunRecord;
import dev.hookpoint.runtime.testing.MediaEvent;
import dev.hookpoint.runtime.testing.ScriptExecutor;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads, the background queue and shutdown, with real threads. */
class ConcurrencyTest {

  @TempDir Path root;
  private final ScriptExecutor executor = new ScriptExecutor();

  private static void writeState(Path root, String... suffixes) throws Exception {
    Path dir = root.resolve("hooks/before_media_added");
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
    for (int i = 0; i < suffixes.length; i++) {
      TestRuntime.write(root, "before_media_added/0" + (i + 1) + "_h.hook", "{\"append\": \"" + suffixes[i] + "\"}");
    }
  }

  @Test
  void aDispatchSeesTheOldOrTheNewDirectoryWholeNeverAMix() throws Exception {
    writeState(root, "a", "b");
    try (HookRuntime runtime = TestRuntime.builder(root, "", executor).build().start()) {
      HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
      Set<String> seen = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService dispatchers = Executors.newFixedThreadPool(2);
      for (int t = 0; t < 2; t++) {
        dispatchers.submit(() -> {
          while (!stop.get()) {
            seen.add(handle.runSync(MediaEvent.of("before_media_added", handle.context(), "")).media().title());
          }
        });
      }
      for (int i = 0; i < 40; i++) {
        writeState(root, i % 2 == 0 ? new String[] {"x", "y", "z"} : new String[] {"a", "b"});
        runtime.reload();
      }
      stop.set(true);
      dispatchers.shutdown();
      assertTrue(dispatchers.awaitTermination(10, TimeUnit.SECONDS));
      assertTrue(Set.of("ab", "xyz").containsAll(seen), "only whole directories: " + seen);
      assertEquals(Set.of("ab", "xyz"), seen, "both states were dispatched during the test");
    }
  }

  @Test
  void fullQueueDropsAndCountsWhenConfiguredToDrop() throws Exception {
    TestRuntime.write(root, "on_media_added/01_slow.hook", "{\"sleep_ms\": 500}");
    try (HookRuntime runtime = TestRuntime.builder(root,
        "async:\n  pool_size: 1\n  queue_capacity: 2\n  when_full: drop\n  drain_timeout_ms: 5000", executor)
        .build().start()) {
      HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t" + i));
      }
      // Blocking on the 500 ms hook even once would take longer than this.
      assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(450), "the caller never waited");
      BackgroundStats stats = runtime.backgroundStats();
      assertEquals(10, stats.submitted());
      assertEquals(7, stats.dropped(), "1 running + 2 queued; the rest dropped and counted");
    }
  }

  @Test
  void fullQueueRunsOnTheCallerWhenConfiguredSoAndLosesNothing() throws Exception {
    TestRuntime.write(root, "on_media_added/01_slow.hook", "{\"sleep_ms\": 50}");
    HookRuntime runtime = TestRuntime.builder(root,
        "async:\n  pool_size: 1\n  queue_capacity: 1\n  when_full: caller_runs\n  drain_timeout_ms: 10000", executor)
        .build().start();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    for (int i = 0; i < 6; i++) {
      handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t" + i));
    }
    runtime.close();
    BackgroundStats stats = runtime.backgroundStats();
    // The first event runs on the pool and the second waits in the queue, so the third finds it full: at least
    // one runs on the caller (more, depending on when the pool frees up).
    assertTrue(stats.ranOnCaller() >= 1, "ran on caller: " + stats);
    assertEquals(0, stats.dropped());
    assertEquals(6, executor.runs.get(), "every event ran");
  }

  @Test
  void shutdownDrainsUpToTheDeadlineThenCountsEveryEventLeft() throws Exception {
    TestRuntime.write(root, "on_media_added/01_slow.hook", "{\"sleep_ms\": 300}");
    HookRuntime runtime = TestRuntime.builder(root,
        "async:\n  pool_size: 1\n  queue_capacity: 100\n  drain_timeout_ms: 100", executor).build().start();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    for (int i = 0; i < 5; i++) {
      handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t" + i));
    }
    runtime.close();
    BackgroundStats stats = runtime.backgroundStats();
    assertEquals(5, stats.submitted());
    assertTrue(stats.lostOnShutdown() >= 3, "queued events past the deadline are counted: " + stats);
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "late"));
    BackgroundStats after = runtime.backgroundStats();
    assertEquals(stats.lostOnShutdown() + 1, after.lostOnShutdown(), "an event after close is counted too");
    assertEquals(after.submitted(), after.completed() + after.lostOnShutdown() + after.dropped(),
        "every event is accounted for: " + after);
  }

  @Test
  void hooksStillQueuedOrRunningAtTheDrainDeadlineAreRecordedAsLostNeverSilentlyGone() throws Exception {
    TestRuntime.write(root, "on_media_added/01_slow.hook", "# timeout_ms: 20000\n{\"sleep_ms\": 400}");
    TestRuntime.write(root, "on_media_added/02_note.hook", "{\"result\": {\"message\": \"noted\"}}");
    HookRuntime runtime = TestRuntime.builder(root,
        "async:\n  pool_size: 1\n  queue_capacity: 100\n  drain_timeout_ms: 600", executor).build().start();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    for (int i = 0; i < 5; i++) {
      handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t" + i));
    }
    long start = System.nanoTime();
    runtime.close();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis < 600 + 2_000, "the drain deadline holds, with the stop grace: " + millis + " ms");

    java.util.List<RunRecord> runs = runtime.runStore().recent(100);
    assertEquals(10, runs.size(), "every hook of every event is in the history: " + runs);
    long ok = runs.stream().filter(run -> run.status() == RunStatus.OK).count();
    long lost = runs.stream().filter(run -> run.status() == RunStatus.LOST).count();
    assertEquals(10, ok + lost, "each ran or is lost: " + runs);
    assertTrue(ok >= 2 && lost >= 6, "one event drains in the 600 ms, the rest are lost: ok " + ok + ", lost " + lost);
    RunRecord stopped = runs.stream().filter(run -> run.status() == RunStatus.LOST
        && run.error().message().startsWith("stopped:")).findFirst().orElseThrow(
            () -> new AssertionError("the hook running at the deadline is stopped and recorded: " + runs));
    assertTrue(stopped.error().message().contains("hooks.async.drain_timeout_ms = 600 ms"), stopped.error().message());
    RunRecord neverRan = runs.stream().filter(run -> run.status() == RunStatus.LOST
        && run.error().message().startsWith("the host shut down before this background hook ran")).findFirst()
        .orElseThrow();
    assertEquals("on_media_added", neverRan.event());
    assertEquals(lost, runtime.metrics().all().values().stream()
        .mapToLong(stats -> stats.errorsByCategory().getOrDefault("lost", 0L)).sum(), "lost runs are in metrics");
    BackgroundStats stats = runtime.backgroundStats();
    assertEquals(stats.submitted(), stats.completed() + stats.lostOnShutdown(), "every event is counted: " + stats);
  }

  @Test
  void aHostThatExitsWithoutClosingTheRuntimeStillHasItsQueueDrained() throws Exception {
    TestRuntime.write(root, "on_media_added/01_slow.hook", "{\"sleep_ms\": 100}");
    List<String> lines = exitingHost(10, "async:\n  pool_size: 1\n  drain_timeout_ms: 30000");
    assertEquals(10, lines.size(), "every queued event ran before the JVM ended: " + lines);
    assertTrue(lines.stream().allMatch("on_media_added/01_slow.hook ok"::equals), lines.toString());
  }

  @Test
  void aHostThatExitsPastTheDrainDeadlineHasTheRestRecordedAsLost() throws Exception {
    TestRuntime.write(root, "on_media_added/01_slow.hook", "{\"sleep_ms\": 200}");
    List<String> lines = exitingHost(10, "async:\n  pool_size: 1\n  drain_timeout_ms: 300");
    assertEquals(10, lines.size(), "every event is recorded, run or lost: " + lines);
    assertTrue(lines.contains("on_media_added/01_slow.hook lost"), lines.toString());
  }

  /** Runs {@link dev.hookpoint.runtime.testing.ExitingHost} in its own JVM; the runs it recorded. */
  private List<String> exitingHost(int events, String yaml) throws Exception {
    // The tests run inside the runtime's module; the host is an ordinary class-path application.
    String classPath = System.getProperty("java.class.path") + java.io.File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        classPath, "dev.hookpoint.runtime.testing.ExitingHost", root.toString(),
        Integer.toString(events), yaml).redirectErrorStream(true).redirectOutput(root.resolve("host.log").toFile())
        .start();
    assertTrue(host.waitFor(60, TimeUnit.SECONDS), "the host exited");
    assertEquals(0, host.exitValue(), Files.readString(root.resolve("host.log")));
    Path runs = root.resolve("runs.txt");
    return Files.exists(runs) ? Files.readAllLines(runs) : List.of();
  }

  @Test
  void closingFromTwoThreadsClosesOnceAndBothReturnAfterTheDrain() throws Exception {
    TestRuntime.write(root, "on_media_added/01_slow.hook", "{\"sleep_ms\": 300}");
    HookRuntime runtime = TestRuntime.builder(root, "async:\n  pool_size: 1", executor).build().start();
    HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.ON);
    handle.fireAsync(MediaEvent.of("on_media_added", handle.context(), "t"));
    java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture.runAsync(runtime::close);
    runtime.close();
    other.get(10, TimeUnit.SECONDS);
    assertEquals(1, runtime.runStore().recent(10).size(), "the queued event was drained, once");
    assertEquals(RunStatus.OK, runtime.runStore().recent(10).get(0).status());
  }

  @Test
  void hotReloadPicksUpANewHook() throws Exception {
    Files.createDirectories(root.resolve("hooks/before_media_added"));
    try (HookRuntime runtime = TestRuntime.builder(root, "hot_reload: true", executor).build().start()) {
      HookPointHandle<MediaEvent, MediaEvent.Changes> handle = runtime.dispatcher().handle(TestRuntime.BEFORE);
      TestRuntime.write(root, "before_media_added/01_new.hook", "{\"append\": \"!\"}");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!handle.isActive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(handle.isActive(), "the new hook was loaded without a restart");
      assertEquals("Heat!", handle.runSync(MediaEvent.of("before_media_added", handle.context(), "Heat"))
          .media().title());
    }
  }
}
