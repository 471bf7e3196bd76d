package dev.hookpoint.runtime;

import dev.hookpoint.runtime.discovery.DiscoveryWarning;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.registry.HookRegistry;
import dev.hookpoint.runtime.registry.RegisteredHook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reviews the hooks directory for operators: what {@code hooks check} reports, and {@code hooks.lock}, the list of
 * reviewed hooks that {@code hooks.require_lock} runs alone. Each call scans the directory afresh, as it is on disk
 * now, and never touches the live registry: checking a directory does not load what it finds.
 *
 * <pre>{@code
 * HookCheck check = new HookCheck(runtime);
 * check.problems().forEach(System.out::println);   // file:line: message
 * }</pre>
 */
public final class HookCheck {

  private final HookRuntime runtime;

  public HookCheck(HookRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Every problem {@code hooks check} reports: load errors of hooks, metadata values that did not parse (those
   * hooks still run, with the defaults), and warnings of discovery; empty when every hook is fine.
   */
  public List<Problem> problems() {
    HookRegistry registry = scanAfresh();
    List<Problem> problems = new ArrayList<>();
    for (RegisteredHook hook : registry.hooks()) {
      if (hook.loadError() != null) {
        problems.add(new Problem(hook.file().path(), hook.loadError().line(), hook.loadError().getMessage()));
      }
      for (HookMetadata.Warning warning : hook.metadata().warnings()) {
        problems.add(new Problem(hook.file().path(), warning.line(), warning.message()));
      }
    }
    for (DiscoveryWarning warning : registry.warnings()) {
      problems.add(new Problem(warning.path(), null, warning.message()));
    }
    return problems;
  }

  /**
   * Writes {@code hooks.lock} with the SHA-256 of every hook now in the directory; returns how many. Call it once
   * the hooks are reviewed: from then on a hook that is not in the lock, or changed since, does not run.
   */
  public int writeLock() throws IOException {
    HookRegistry registry = scanAfresh();
    runtime.lock().write(registry.hooks());
    return registry.hooks().size();
  }

  private HookRegistry scanAfresh() {
    return runtime.loader().load(runtime.hooksDirectory(), HookRegistry.empty(), runtime.stateStore().disabled());
  }

  /**
   * A problem with a hook file, printed as {@code file:line: message}, the form editors and CI jump to.
   *
   * @param file the file or directory
   * @param line the line, or {@code null} (printed as line 1)
   * @param message what is wrong and the fix
   */
  public record Problem(Path file, Integer line, String message) {
    @Override
    public String toString() {
      return file + ":" + (line == null ? 1 : line) + ": " + message;
    }
  }
}
