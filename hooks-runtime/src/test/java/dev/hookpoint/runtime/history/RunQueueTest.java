package dev.hookpoint.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookpoint.runtime.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The run store's queue: the hook's thread never waits for the writer, and a full queue drops and counts. */
class RunQueueTest {

  private static RunRecord run(int i) {
    return new RunRecord("r" + i, "a/b.lua", "a", Instant.EPOCH, 1, RunStatus.OK, false, Map.of(), "", null,
        List.of(), false);
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfMakingTheHookWait() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch disk = new CountDownLatch(1);
    List<RunRecord> written = new CopyOnWriteArrayList<>();
    RunQueue queue = new RunQueue(batch -> {
      writing.countDown();
      try {
        disk.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      written.addAll(batch);
    }, "test-writer", 3);
    queue.add(run(0));
    writing.await();
    // The writer is stuck on the disk with run 0: three more fill the queue, the fifth is dropped at once.
    for (int i = 1; i <= 4; i++) {
      queue.add(run(i));
    }
    assertEquals(1, queue.dropped());
    disk.countDown();
    queue.close();
    assertEquals(List.of("r0", "r1", "r2", "r3"), written.stream().map(RunRecord::runId).toList());
  }
}
