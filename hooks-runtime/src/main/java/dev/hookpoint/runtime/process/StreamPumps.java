package dev.hookpoint.runtime.process;

import dev.hookpoint.runtime.executor.HookLog;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves a hook process's streams on threads of their own (pooled), so that neither a hook that never reads stdin nor
 * one that floods stdout can block the run: stdin gets the event and is closed (a closed pipe is not an error),
 * stdout is kept up to its cap, stderr is logged line by line and its tail kept for error messages.
 */
final class StreamPumps {

  private static final int TAIL_LINES = 10;
  private static final int MAX_LINE = 2_000;
  /** One page: what Linux gives a pipe when its user is over pipe-user-pages-soft; 64 KiB otherwise. */
  private static final int SMALLEST_PIPE_BUFFER = 4096;

  private static final AtomicInteger THREAD_COUNT = new AtomicInteger();
  private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "hookpoint-process-io-" + THREAD_COUNT.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  private StreamPumps() {}

  /**
   * Writes the event and closes stdin: on the calling thread when the event fits in a new pipe's buffer, which no
   * pipe on Linux or macOS makes smaller than {@value #SMALLEST_PIPE_BUFFER} bytes, so the write cannot block;
   * otherwise on a thread of its own, as a hook that never reads would block it.
   */
  static CompletableFuture<Void> feed(OutputStream stdin, byte[] event) {
    if (event.length <= SMALLEST_PIPE_BUFFER) {
      write(stdin, event);
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> write(stdin, event), THREADS);
  }

  private static void write(OutputStream stdin, byte[] event) {
    try (stdin) {
      stdin.write(event);
    } catch (IOException e) {
      // The hook closed stdin or exited without reading it: allowed.
    }
  }

  /** What stdout held, and whether it passed the cap. */
  record Output(byte[] bytes, boolean overflowed) {}

  /**
   * Reads stdout up to {@code max} bytes; on overflow calls {@code onOverflow} (which kills the process) and
   * stops.
   */
  static CompletableFuture<Output> collect(InputStream stdout, long max, Runnable onOverflow) {
    return CompletableFuture.supplyAsync(() -> {
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try (stdout) {
        for (int read = stdout.read(buffer); read >= 0; read = stdout.read(buffer)) {
          if (kept.size() + (long) read > max) {
            kept.write(buffer, 0, (int) Math.max(0, max - kept.size()));
            onOverflow.run();
            return new Output(kept.toByteArray(), true);
          }
          kept.write(buffer, 0, read);
        }
      } catch (IOException e) {
        // The pipe was closed under us after the run ended.
      }
      return new Output(kept.toByteArray(), false);
    }, THREADS);
  }

  /** Logs stderr line by line into the run's log (which caps it) and keeps the last lines. */
  static CompletableFuture<List<String>> log(InputStream stderr, HookLog log) {
    return CompletableFuture.supplyAsync(() -> {
      Deque<String> tail = new ArrayDeque<>(TAIL_LINES);
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
        for (String line = readLine(reader); line != null; line = readLine(reader)) {
          log.info(line);
          if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
          }
          // The tail ends up in the failure message, which the history keeps and the host logs.
          tail.addLast(HookLog.escape(line));
        }
      } catch (IOException e) {
        // Closed under us after the run ended.
      }
      return new ArrayList<>(tail);
    }, THREADS);
  }

  /** A line of at most {@link #MAX_LINE} characters; the rest of a longer line is skipped. */
  private static String readLine(BufferedReader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = reader.read()) >= 0 && c != '\n') {
      if (line.length() < MAX_LINE) {
        line.append((char) c);
      }
    }
    if (c < 0 && line.length() == 0) {
      return null;
    }
    int length = line.length();
    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
  }
}
