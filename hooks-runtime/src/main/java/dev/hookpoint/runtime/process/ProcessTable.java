package dev.hookpoint.runtime.process;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the processes a hook left behind by one pass over {@code /proc}: those in its session or process group
 * (background jobs, and orphans re-parented to init keep both), and those started during the run that carry its
 * {@code HOOK_RUN_ID} (a child that called {@code setsid} to leave the session keeps its environment). Unless
 * pids can have wrapped around during the run, only the pids handed out since the hook started are read.
 */
final class ProcessTable {

  /**
   * What one scan found.
   *
   * @param pids the hook's processes
   * @param unsettled whether a process started during the run could not be told apart yet: while a process is in
   *     the middle of {@code exec}, the kernel shows its environment as empty, so a scan must look again
   */
  record Scan(List<Long> pids, boolean unsettled) {
    boolean isEmpty() {
      return pids.isEmpty() && !unsettled;
    }
  }

  /** The kernel-thread flag in {@code /proc/<pid>/stat}; kernel threads have no environment at all. */
  private static final long PF_KTHREAD = 0x00200000;

  private static final Path PROC = Path.of("/proc");
  private static final File UPTIME = new File("/proc/uptime");
  /** The kernel's highest pid; pids are handed out upwards from the last one and wrap around past this. */
  private static final long PID_MAX = readPidMax();

  private ProcessTable() {}

  /** Whether this system has a {@code /proc} to read. */
  static boolean available() {
    return Files.isDirectory(PROC.resolve("self"));
  }

  /** Clock ticks since boot now, the unit of a process's start time in {@code /proc/<pid>/stat}. */
  static long ticksNow() {
    // "12345.67 23456.78": seconds since boot with two decimals, i.e. clock ticks with a dot in.
    byte[] uptime = ProcFiles.read(UPTIME);
    int dot = uptime == null ? -1 : ProcFiles.next(uptime, 0, '.');
    long seconds = dot < 0 ? -1 : ProcFiles.number(uptime, 0);
    long hundredths = dot < 0 ? -1 : ProcFiles.number(uptime, dot + 1);
    return seconds < 0 || hundredths < 0 ? 0 : seconds * 100 + hundredths;
  }

  /**
   * The pids belonging to a hook run.
   *
   * @param sessionId the hook's pid, which {@code setsid} made the leader of its session and group
   * @param startTicks {@link #ticksNow()} when the run started
   * @param startCounters {@link PidCounters#now()} before the hook was started
   * @param marker {@code HOOK_RUN_ID=<run id>}
   */
  static Scan leftBehind(long sessionId, long startTicks, PidCounters startCounters, String marker) {
    Search search = new Search(sessionId, startTicks, marker);
    PidCounters now = PidCounters.now();
    if (now.mayHaveWrappedSince(startCounters, sessionId, PID_MAX)) {
      search.list(0);
    } else {
      search.probeFrom(sessionId, now.lastPid());
    }
    return new Scan(search.pids, search.unsettled);
  }

  /** One scan's state: what it found so far. */
  private static final class Search {
    /** Beyond this many pids to look at one by one, listing {@code /proc} is cheaper. */
    private static final long MAX_PROBES = 256;
    /** Rounds of probing newly handed-out pids before falling back to listing {@code /proc}. */
    private static final int MAX_ROUNDS = 32;

    private final long sessionId;
    private final long startTicks;
    private final byte[] needle;
    private final long self = ProcessHandle.current().pid();
    private final byte[] buffer = new byte[1024];
    private final List<Long> pids = new ArrayList<>();
    private boolean unsettled;

    Search(long sessionId, long startTicks, String marker) {
      this.sessionId = sessionId;
      this.startTicks = startTicks;
      this.needle = marker.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Looks at each pid from {@code from} to the last one handed out, with no wrap-around since the hook started:
     * those are exactly the pids handed out since (and a few older ones from before the last wrap-around), so a
     * run that started one or two processes costs a handful of reads instead of one per process on the machine.
     * Pids handed out while it looks are looked at in a next round, until a round saw no new one: a process the
     * hook forks during the scan has a pid above the last one read, so it is never missed.
     */
    void probeFrom(long from, long lastPid) {
      long next = from;
      for (int round = 0; round < MAX_ROUNDS && next <= lastPid; round++) {
        if (lastPid - next >= MAX_PROBES) {
          break;
        }
        for (long pid = next; pid <= lastPid; pid++) {
          inspect(pid, PROC.resolve(Long.toString(pid)));
        }
        next = lastPid + 1;
        long newest = PidCounters.lastPidNow();
        if (newest < lastPid) {
          // Unknown now, or pids wrapped around during the scan: what was forked since may have any pid.
          list(0);
          return;
        }
        lastPid = newest;
      }
      if (next <= lastPid) {
        // Too many pids handed out meanwhile to look at one by one.
        list(next);
      }
    }

    /**
     * Reads every process listed in {@code /proc} from pid {@code from} up. The listing is read as it goes, so a
     * process forked during it with a higher pid than the current entry is listed too.
     */
    void list(long from) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
            continue;
          }
          long pid = Long.parseLong(name);
          if (pid >= from) {
            inspect(pid, entry);
          }
        }
      } catch (IOException e) {
        // /proc vanished mid-scan: nothing more to find.
      }
    }

    private void inspect(long pid, Path entry) {
      if (pid == self) {
        return;
      }
      long[] stat = stat(entry, buffer);
      if (stat == null || stat[3] == 'Z') {
        // Gone, or a zombie: already dead, only waiting for its parent to collect it.
        return;
      }
      if (stat[0] == sessionId || stat[1] == sessionId) {
        pids.add(pid);
      } else if (stat[2] >= startTicks - 1 && (stat[4] & PF_KTHREAD) == 0) {
        switch (marker(entry, needle)) {
          case PRESENT -> pids.add(pid);
          // A thread's pid can be looked up too, though /proc does not list it: its process is looked at under its
          // own pid, so only a process's empty environment means looking again.
          case NOT_YET_READABLE -> unsettled |= !isThread(pid);
          default -> { }
        }
      }
    }
  }

  private static final byte[] TGID = "\nTgid:\t".getBytes(StandardCharsets.US_ASCII);

  /** Whether {@code pid} is a thread of another process (its thread group's id is not its own). */
  private static boolean isThread(long pid) {
    byte[] status = ProcFiles.read(new File("/proc/" + pid + "/status"));
    int at = status == null ? -1 : ProcFiles.indexOf(status, TGID, 0);
    return at >= 0 && ProcFiles.number(status, at + TGID.length) != pid;
  }

  /** Whether a process's environment holds the run's marker. */
  private enum Marker { PRESENT, ABSENT, NOT_YET_READABLE }

  /**
   * Read in one {@code read}: the kernel answers a read of an integer sysctl at any offset but 0 with end of file,
   * so {@link Files#readString} (which reads a file of unknown size a byte first) gets only the first digit.
   */
  static long readPidMax() {
    byte[] buffer = new byte[64];
    try (FileInputStream in = new FileInputStream(PROC.resolve("sys/kernel/pid_max").toFile())) {
      int length = in.read(buffer);
      return length <= 0 ? 0 : Long.parseLong(new String(buffer, 0, length, StandardCharsets.US_ASCII).strip());
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }


  /** Process group, session, start time, state letter and flags from {@code /proc/<pid>/stat}, or {@code null}. */
  private static long[] stat(Path process, byte[] buffer) {
    int length;
    File file = process.resolve("stat").toFile();
    if (!file.exists()) {
      // Gone: most pids a sweep looks at are of processes that already ended, and a failed open throws.
      return null;
    }
    try (FileInputStream in = new FileInputStream(file)) {
      length = in.read(buffer);
    } catch (IOException e) {
      return null;
    }
    if (length <= 0) {
      return null;
    }
    // The command name is in parentheses and may contain anything; fields are counted after the last ')'.
    int close = -1;
    for (int i = length - 1; i >= 0; i--) {
      if (buffer[i] == ')') {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return null;
    }
    long[] fields = new long[20];
    int field = 0;
    int i = close + 2;
    // After ')': state(3) ppid(4) pgrp(5) session(6) ... flags(9) ... starttime(22); we count from state as 0.
    while (i < length && field < 20) {
      long value = 0;
      boolean number = false;
      while (i < length && buffer[i] != ' ') {
        if (buffer[i] >= '0' && buffer[i] <= '9') {
          value = value * 10 + (buffer[i] - '0');
          number = true;
        }
        i++;
      }
      fields[field++] = number ? value : -1;
      i++;
    }
    return field > 19 ? new long[] {fields[2], fields[3], fields[19], buffer[close + 2], fields[6]} : null;
  }

  private static Marker marker(Path process, byte[] needle) {
    try {
      byte[] environment = Files.readAllBytes(process.resolve("environ"));
      if (environment.length == 0) {
        return Marker.NOT_YET_READABLE;
      }
      outer:
      for (int start = 0; start + needle.length <= environment.length; ) {
        for (int j = 0; j < needle.length; j++) {
          if (environment[start + j] != needle[j]) {
            int next = indexOfZero(environment, start);
            start = next < 0 ? environment.length : next + 1;
            continue outer;
          }
        }
        int end = start + needle.length;
        return end == environment.length || environment[end] == 0 ? Marker.PRESENT : Marker.ABSENT;
      }
    } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
      // Gone, or another user's: not this hook's.
      return Marker.ABSENT;
    } catch (IOException e) {
      // Any other error (a process in the middle of exec can fail the read): it may be ours, so look again.
      return Marker.NOT_YET_READABLE;
    } catch (RuntimeException e) {
      return Marker.ABSENT;
    }
    return Marker.ABSENT;
  }

  private static int indexOfZero(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a process has ended: gone, or a zombie that only waits to be collected. */
  static boolean ended(long pid) {
    long[] stat = stat(PROC.resolve(Long.toString(pid)), new byte[1024]);
    return stat == null || stat[3] == 'Z';
  }

  /** Sends SIGTERM (or SIGKILL when {@code force}) to each pid. */
  static void signal(List<Long> pids, boolean force) {
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(process -> {
        if (force) {
          process.destroyForcibly();
        } else {
          process.destroy();
        }
      });
    }
  }
}
