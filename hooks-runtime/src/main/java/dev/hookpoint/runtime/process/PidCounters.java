package dev.hookpoint.runtime.process;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

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
  private static final File STAT = new File("/proc/stat");
  private static final File LOADAVG = new File("/proc/loadavg");
  private static final byte[] PROCESSES = "\nprocesses ".getBytes(StandardCharsets.US_ASCII);
  /** How old a reading {@link #recentOrNow()} hands out instead of reading again may be. */
  private static final long RECENT_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** The last reading, with when it was taken. */
  private record Reading(PidCounters counters, long nanos) {}

  private static volatile Reading latest;

  /**
   * A reading from at most a second ago (the previous run's sweep, usually), else a new one: what a run takes before
   * it starts its hook. An older reading is as good, only more cautious: it counts more forks since, and the tasks
   * alive at the run's start are at most those alive then plus the forks since, both of which it counts. Reading
   * {@code /proc/stat} costs 50-60 us in a run.
   */
  static PidCounters recentOrNow() {
    Reading reading = latest;
    return reading != null && System.nanoTime() - reading.nanos < RECENT_NANOS ? reading.counters : now();
  }

  /** The counters now; unknown (so that every pid is read) where {@code /proc} does not have them. */
  static PidCounters now() {
    long nanos = System.nanoTime();
    byte[] stat = ProcFiles.read(STAT);
    int at = stat == null ? -1 : ProcFiles.indexOf(stat, PROCESSES, 0);
    long forks = at < 0 ? -1 : ProcFiles.number(stat, at + PROCESSES.length);
    byte[] loadavg = ProcFiles.read(LOADAVG);
    // "0.00 0.01 0.05 1/123 45678": running/tasks, then the last pid.
    int slash = loadavg == null ? -1 : ProcFiles.next(loadavg, 0, '/');
    int space = slash < 0 ? -1 : ProcFiles.next(loadavg, slash, ' ');
    if (forks < 0 || space < 0) {
      return UNKNOWN;
    }
    PidCounters counters = new PidCounters(forks, ProcFiles.number(loadavg, slash + 1),
        ProcFiles.number(loadavg, space + 1));
    // Taken before it is stored, so whoever reads it later gets a reading from before its own run started.
    latest = new Reading(counters, nanos);
    return counters;
  }

  /** Only the last pid handed out, or -1 when unknown. */
  static long lastPidNow() {
    byte[] loadavg = ProcFiles.read(LOADAVG);
    int space = loadavg == null ? -1 : ProcFiles.next(loadavg, ProcFiles.next(loadavg, 0, '/'), ' ');
    return space < 0 ? -1 : ProcFiles.number(loadavg, space + 1);
  }

  /**
   * Whether a process started between {@code start} and now (this reading) can have a lower pid than the hook's.
   *
   * @param start the counters read before the hook was started
   * @param hookPid the pid of the hook's first process
   * @param pidMax {@code /proc/sys/kernel/pid_max}, or 0 when unknown
   */
  boolean mayHaveWrappedSince(PidCounters start, long hookPid, long pidMax) {
    if (start.forks < 0 || forks < 0 || start.tasks < 0 || lastPid < 0 || pidMax <= 0) {
      return true;
    }
    if (lastPid < hookPid) {
      return true;
    }
    long forked = forks - start.forks;
    return 2 * forked + start.tasks + SLACK >= pidMax - RESERVED_PIDS;
  }
}
