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
import java.nio.file.Path;
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
   * @param hooksDirectory the runtime's, which errors are shown relative to
   */
  record Chrome(String prefix, String title, String active, String csrf, long failures, Path hooksDirectory) {

    String tab(String name) {
      return name.equals(active) ? "active" : "";
    }

    /**
     * An error with its file and line, the file named as the hook's id ({@code event/file}) rather than the
     * server's absolute path: the id is what operators know the hook by, and the page need not show the layout
     * of the server's disk to whoever can read it.
     */
    String where(HookError error) {
      return error == null ? "" : Pages.where(error, hooksDirectory);
    }

    String where(HookFailure failure) {
      return failure == null ? "" : where(HookError.of(failure));
    }
  }

  record HookRow(InstalledHook hook, String sandbox, HookStats.Snapshot stats, List<RunRecord> lastRuns) {

    String anchor() {
      return "hook-" + hook.id().replaceAll("[^A-Za-z0-9_-]", "-");
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

  /**
   * @param canRunAgain whether it is a dead durable run kept to run again
   */
  record RunPage(RunRecord run, String payload, String changes, boolean canRunAgain) {}

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
   * @param persistent whether the changes outlive a restart (the runtime's state store keeps them)
   */
  record SettingsPage(List<SettingRow> rows, String error, boolean persistent) {}

  /**
   * @param key the configuration key
   * @param value the value in effect
   * @param file the value of the file (and environment)
   * @param live whether it can change while the host runs
   * @param input the text in its box: the value in effect, or what was typed when the change was refused
   */
  record SettingRow(String key, Object value, Object file, boolean live, String input) {

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
  static String where(HookError error, Path hooksDirectory) {
    String message = error.message();
    String file = error.file();
    String directory = hooksDirectory.toAbsolutePath().normalize() + java.io.File.separator;
    if (message != null) {
      message = message.replace(directory, "");
    }
    if (file != null && file.startsWith(directory)) {
      file = file.substring(directory.length());
    }
    if (file == null) {
      return message;
    }
    return message + " (" + file + (error.line() == null ? "" : ":" + error.line()) + ")";
  }
}
