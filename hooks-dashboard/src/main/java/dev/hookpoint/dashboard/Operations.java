package dev.hookpoint.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookTester;
import dev.hookpoint.runtime.InstalledHook;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.history.RunRecord;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pages and the API do with the runtime: read hooks and runs, switch hooks, dry-run an installed hook.
 * Nothing here takes hook code: a test runs a file already in the hooks directory, named by its id.
 */
final class Operations {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** How many test payloads are kept for the run detail view (the runtime does not record payloads). */
  private static final int KEPT_PAYLOADS = 200;

  private final HookRuntime runtime;
  private final HookTester tester;
  private final Map<String, String> testPayloads = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > KEPT_PAYLOADS;
        }
      });

  Operations(HookRuntime runtime) {
    this.runtime = runtime;
    this.tester = new HookTester(runtime);
  }

  HookRuntime runtime() {
    return runtime;
  }

  /** Every hook, by event (in the events' order) and run order. */
  Map<String, List<InstalledHook>> hooksByEvent() {
    Map<String, List<InstalledHook>> byEvent = new LinkedHashMap<>();
    for (HookPointDescriptor<?, ?> point : runtime.hookPoints()) {
      byEvent.put(point.name(), new java.util.ArrayList<>());
    }
    for (InstalledHook hook : runtime.hooks()) {
      byEvent.computeIfAbsent(hook.event(), event -> new java.util.ArrayList<>()).add(hook);
    }
    byEvent.values().removeIf(List::isEmpty);
    return byEvent;
  }

  InstalledHook hook(String id) {
    if (id == null || id.isBlank()) {
      throw new DashboardException(400, "name the hook by its id, e.g. before_media_added/01_guard.lua");
    }
    return runtime.hook(id).orElseThrow(() -> new DashboardException(404, "no hook '" + id + "'"));
  }

  void setEnabled(String id, boolean enabled) {
    hook(id);
    runtime.setEnabled(id, enabled);
  }

  /** The kept history, newest first, as the filter narrows it. */
  List<RunRecord> runs(RunFilter filter, int limit) {
    return all().stream().filter(filter::matches).limit(Math.max(0, limit)).toList();
  }

  private List<RunRecord> all() {
    return runtime.runStore().recent(runtime.config().hooks().history().maxRuns());
  }

  RunRecord run(String runId) {
    return all().stream().filter(run -> run.runId().equals(runId)).findFirst()
        .orElseThrow(() -> new DashboardException(404, "no run '" + runId + "' in the kept history"));
  }

  /**
   * Stores a dead durable run again (see {@code HookRuntime.runAgain}).
   *
   * @return the run it was
   * @throws DashboardException 404 when the run is not in the history, 409 when it is not a dead run kept to run
   *     again (not dead, memory delivery, or already run again)
   */
  RunRecord runAgain(String runId) {
    RunRecord run = run(runId);
    try {
      runtime.runAgain(runId);
    } catch (IllegalArgumentException notDead) {
      throw new DashboardException(409, notDead.getMessage());
    }
    return run;
  }

  /** The payload a dashboard test ran on, for its detail view; live runs' payloads are not recorded. */
  Optional<String> payloadOf(String runId) {
    return Optional.ofNullable(testPayloads.get(runId));
  }

  /** Runs that ended in an error category after {@code since} (all kept ones when it is null). */
  long failuresSince(Instant since) {
    return all().stream().filter(run -> run.status().isError())
        .filter(run -> since == null || run.startedAt().isAfter(since)).count();
  }

  /** The event's generated example, indented, as the tester's starting point. */
  String examplePayload(String event) {
    HookPointDescriptor<?, ?> point = runtime.hookPoint(event)
        .orElseThrow(() -> new DashboardException(404, "no event '" + event + "'"));
    try {
      return JSON.writeValueAsString(JSON.readTree(point.examplePayload()));
    } catch (JsonProcessingException e) {
      return point.examplePayload();
    }
  }

  /**
   * Dry-runs an installed hook on {@code payload} (blank: its event's example). A payload that is not a JSON
   * object is refused with where it went wrong, before anything runs.
   */
  RunRecord test(String hookId, String payload) {
    InstalledHook hook = hook(hookId);
    String given = payload == null || payload.isBlank() ? null : payload;
    if (given != null) {
      JsonNode parsed;
      try {
        parsed = JSON.readTree(given);
      } catch (JsonProcessingException e) {
        throw new DashboardException(400, "the payload is not valid JSON: " + e.getOriginalMessage() + " (line "
            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
      }
      if (parsed == null || !parsed.isObject()) {
        throw new DashboardException(400, "the payload must be a JSON object, like the event's example");
      }
    }
    RunRecord run;
    try {
      run = tester.test(hook.file(), hook.event(), given);
    } catch (IllegalArgumentException e) {
      throw new DashboardException(400, String.valueOf(e.getMessage()));
    }
    testPayloads.put(run.runId(), given != null ? given : examplePayload(hook.event()));
    return run;
  }

  /**
   * Which runs a list shows; {@code null} matches everything.
   *
   * @param event the event's name
   * @param hook the hook's id
   * @param status a status' wire name, e.g. {@code execution_error}, or {@code error} for any error category
   * @param dryRun only tests ({@code true}) or only real runs ({@code false})
   */
  record RunFilter(String event, String hook, String status, Boolean dryRun) {

    static final RunFilter ALL = new RunFilter(null, null, null, null);

    RunFilter {
      event = blankToNull(event);
      hook = blankToNull(hook);
      status = blankToNull(status);
    }

    static RunFilter of(String event, String hook, String status, String dryRun) {
      Boolean dry = switch (dryRun == null ? "" : dryRun) {
        case "" -> null;
        case "true" -> true;
        case "false" -> false;
        default -> throw new DashboardException(400, "dry_run must be true or false, got '" + dryRun + "'");
      };
      return new RunFilter(event, hook, status, dry);
    }

    boolean matches(RunRecord run) {
      return (event == null || event.equals(run.event()))
          && (hook == null || hook.equals(run.hookId()))
          && (status == null || status.equals(run.status().wireName())
              || status.equals("error") && run.status().isError())
          && (dryRun == null || dryRun == run.dryRun());
    }

    private static String blankToNull(String text) {
      return text == null || text.isBlank() ? null : text;
    }
  }
}
