package dev.hookpoint.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hookpoint.runtime.InstalledHook;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.history.HookError;
import dev.hookpoint.runtime.history.HookStats;
import dev.hookpoint.runtime.history.RunRecord;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pages: the templates in {@code src/main/jte}, compiled to classes of this package at build time, and the
 * records they show. One record per page; {@link Chrome} is what every page has around it.
 */
final class Pages {

  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
      Pages.class.getClassLoader(), Pages.class.getPackageName());

  private Pages() {}

  /** Renders {@code template} (e.g. {@code hooks.jte}) with the chrome and the page's record. */
  static String render(String template, Chrome chrome, Object page) {
    StringOutput output = new StringOutput();
    ENGINE.render(template, Map.of("chrome", chrome, "page", page), output);
    return output.toString();
  }

  /**
   * What every page has: the navigation, the failure count, the form token.
   *
   * @param prefix where the dashboard is mounted
   * @param title the page's title
   * @param active which tab is lit
   * @param csrf the token every form posts back
   * @param failures hook failures since the operator last looked at the runs
   */
  record Chrome(String prefix, String title, String active, String csrf, long failures) {

    String tab(String name) {
      return name.equals(active) ? "active" : "";
    }
  }

  record HookRow(InstalledHook hook, String sandbox, HookStats.Snapshot stats, List<RunRecord> lastRuns) {

    String anchor() {
      return "hook-" + hook.id().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    String loadError() {
      return where(hook.loadError());
    }
  }

  record EventGroup(String event, String mode, List<HookRow> hooks) {}

  record HooksPage(List<EventGroup> groups, String storeNote) {}

  record RunsPage(Operations.RunFilter filter, List<RunRecord> runs, List<String> events, List<String> hooks,
      List<String> statuses) {

    boolean dryOnly() {
      return Boolean.TRUE.equals(filter.dryRun());
    }

    boolean liveOnly() {
      return Boolean.FALSE.equals(filter.dryRun());
    }
  }

  record RunPage(RunRecord run, String payload, String changes) {}

  /**
   * @param hooks the hooks that can be picked
   * @param selected the picked hook's id, or empty
   * @param payload the payload in the box
   * @param result the dry run's record, or {@code null} before one
   * @param error why the test could not run, or {@code null}
   */
  record TestPage(List<InstalledHook> hooks, String selected, String payload, RunRecord result, String error) {

    String changes() {
      return result == null ? "" : json(result.changes());
    }
  }

  record EventsPage(List<HookPointDescriptor<?, ?>> points) {}

  record EventPage(HookPointDescriptor<?, ?> point, String html, String schema) {}

  /**
   * @param rows every setting shown
   * @param error why the last change was refused, or {@code null}
   */
  record SettingsPage(List<SettingRow> rows, String error) {}

  /**
   * @param key the configuration key
   * @param value the value in effect
   * @param file the value of the file (and environment)
   * @param live whether it can change while the host runs
   */
  record SettingRow(String key, Object value, Object file, boolean live) {

    boolean overridden() {
      return !String.valueOf(value).equals(String.valueOf(file));
    }
  }

  record ErrorPage(int status, String message) {}

  /** A duration in milliseconds, for people. */
  static String ms(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }

  static String json(Object value) {
    try {
      return Operations.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  static String status(RunRecord run) {
    return run.status().wireName();
  }

  /** {@code message (file:line)}, or empty. */
  static String where(HookError error) {
    if (error == null) {
      return "";
    }
    return error.message() + place(error.file(), error.line());
  }

  static String where(HookFailure failure) {
    if (failure == null) {
      return "";
    }
    return failure.getMessage() + place(failure.file(), failure.line());
  }

  private static String place(String file, Integer line) {
    if (file == null) {
      return "";
    }
    return " (" + file + (line == null ? "" : ":" + line) + ")";
  }
}
