package dev.hookpoint.runtime.process;

import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.Invocation;
import dev.hookpoint.runtime.executor.LoadedHook;
import dev.hookpoint.runtime.testing.TestRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs real scripts from temp directories through a real process executor. */
final class ProcessHarness {

  private static final AtomicInteger RUNS = new AtomicInteger();

  record Outcome(Object result, HookFailure failure, List<String> logs, long millis, String runId) {
    String category() {
      return failure == null ? "ok" : failure.category().wireName();
    }
  }

  final Path dir;
  final ProcessExecutor executor;
  private int files;

  ProcessHarness(Path dir, String processYaml) {
    this.dir = dir;
    HookpointConfig config = ConfigLoader.parse("hooks:\n  process:\n" + processYaml.indent(4), "test.yaml",
        Map.of());
    this.executor = new ProcessExecutor(config.hooks());
  }

  ProcessHarness(Path dir) {
    this(dir, "kill_grace_ms: 200");
  }

  Path script(String source) {
    Path file = TestRuntime.writeFile(dir.resolve("on_download_completed").resolve(String.format("%02d_hook.sh",
        ++files)), source);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  LoadedHook load(Path file) throws HookFailure {
    return executor.load(new HookFile(file, "on_download_completed", file.getFileName().toString()),
        TestRuntime.read(file));
  }

  Outcome run(String source) {
    return run(source, event(), 3_000);
  }

  Outcome run(String source, Map<String, Object> payload, long timeoutMs) {
    try {
      return run(load(script(source)), payload, timeoutMs);
    } catch (HookFailure failure) {
      return new Outcome(null, failure, List.of(), 0, "not-run");
    }
  }

  Outcome run(LoadedHook hook, Map<String, Object> payload, long timeoutMs) {
    HookLog log = new HookLog("on_download_completed/test.sh", 100, 1000);
    String runId = "test-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
    long start = System.nanoTime();
    try {
      Invocation invocation = new Invocation(runId, "on_download_completed", payload, timeoutMs,
          start + TimeUnit.MILLISECONDS.toNanos(timeoutMs), false, log,
          Map.of("download.title", "HOOK_DOWNLOAD_TITLE", "download.size", "HOOK_DOWNLOAD_SIZE",
              "download.tags", "HOOK_DOWNLOAD_TAGS"));
      Object result = executor.run(hook, invocation);
      return new Outcome(result, null, log.lines(), (System.nanoTime() - start) / 1_000_000, runId);
    } catch (HookFailure failure) {
      return new Outcome(null, failure, log.lines(), (System.nanoTime() - start) / 1_000_000, runId);
    }
  }

  static Map<String, Object> event() {
    return Map.of("event", "on_download_completed", "timestamp", "2025-11-05T12:00:00Z",
        "download", Map.of("title", "Heat 1995", "size", 1024, "tags", List.of("a", "b")),
        "context", Map.of("user_id", 1, "settings", Map.of(), "dry_run", false));
  }

  /** Whether the tests run as root, when a sandboxed hook runs as hooks.process.user instead. */
  static boolean hostIsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Processes carrying a run's marker, i.e. still alive from that run. */
  static List<Long> survivors(String runId) {
    List<Long> pids = new ArrayList<>();
    byte[] marker = ("HOOK_RUN_ID=" + runId).getBytes();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"))) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!Character.isDigit(name.charAt(0))) {
          continue;
        }
        try {
          byte[] environment = Files.readAllBytes(entry.resolve("environ"));
          String state = Files.readString(entry.resolve("stat"));
          if (new String(environment).contains(new String(marker)) && !state.contains(") Z ")) {
            pids.add(Long.parseLong(name));
          }
        } catch (IOException | RuntimeException e) {
          // Gone already.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pids;
  }

  /** Live processes whose command line contains {@code text}, seen from the host. */
  static List<String> processesRunning(String text) {
    List<String> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        try {
          String commandLine = new String(Files.readAllBytes(entry.resolve("cmdline"))).replace('\0', ' ');
          if (commandLine.contains(text) && !Files.readString(entry.resolve("stat")).contains(") Z ")) {
            found.add(entry.getFileName() + " " + commandLine);
          }
        } catch (IOException e) {
          // Gone.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
