package dev.hookpoint.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's fork and pid counters at one moment, which tell the sweep whether pids can have wrapped around since
 * a run started. Without a wrap-around every process the hook started has a higher pid than the hook, so the sweep
 * reads only those few; otherwise it has to read every process on the machine (about 10 µs each).
 *
 * <p>Why two readings decide it: the kernel hands pids out upwards from the last one it gave, skipping pids in use,
 * and starts again near the bottom past {@code pid_max}. After a wrap-around the last pid given is below the hook's,
 * unless allocation went all the way round and past the hook again. Going round passes every pid from 300 (the
 * kernel's reserved ones) to {@code pid_max}: each was either given out (one fork each) or in use by a task that
 * existed at the start or was forked since. So a full round needs {@code 2 * forks + tasks >= pid_max - 300}.
 *
 * @param forks processes and threads created since boot, all namespaces ({@code processes} in {@code /proc/stat})
 * @param tasks processes and threads alive, all namespaces ({@code /proc/loadavg}, after the slash)
 * @param lastPid the last pid handed out in this pid namespace ({@code /proc/loadavg}, last field)
 */
record PidCounters(long forks, long tasks, long lastPid) {

  private static final long RESERVED_PIDS = 300;
  /** Forks that may happen while a scan reads the counters and lists {@code /proc}. */
  private static final long SLACK = 1024;
  private static final PidCounters UNKNOWN = new PidCounters(-1, -1, -1);

  /** The counters now; unknown (so that every pid is read) where {@code /proc} does not have them. */
  static PidCounters now() {
    try {
      String stat = Files.readString(Path.of("/proc/stat"));
      int at = stat.indexOf("\nprocesses ");
      String[] loadavg = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      if (at < 0 || loadavg.length != 5) {
        return UNKNOWN;
      }
      int from = at + "\nprocesses ".length();
      long forks = Long.parseLong(stat.substring(from, stat.indexOf('\n', from)).strip());
      String[] runnable = loadavg[3].split("/");
      return new PidCounters(forks, Long.parseLong(runnable[1]), Long.parseLong(loadavg[4]));
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  /**
   * Whether a process started between {@code start} and now (this reading) can have a lower pid than the hook's.
   *
   * @param start the counters read before the hook was started
   * @param hookPid the pid of the hook's first process
   * @param pidMax {@code /proc/sys/kernel/pid_max}, or 0 when unknown
   */
  boolean mayHaveWrappedSince(PidCounters start, long hookPid, long pidMax) {
    if (start.forks < 0 || forks < 0 || pidMax <= 0) {
      return true;
    }
    if (lastPid < hookPid) {
      return true;
    }
    long forked = forks - start.forks;
    return 2 * forked + start.tasks + SLACK >= pidMax - RESERVED_PIDS;
  }
}
