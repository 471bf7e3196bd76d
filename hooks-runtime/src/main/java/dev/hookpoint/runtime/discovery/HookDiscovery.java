package dev.hookpoint.runtime.discovery;

import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds hook files: {@code <root>/<event>/NN_name.ext}, in run order. Directories that name no known event get a
 * warning with a "did you mean", never an exception. Discovery only lists names and never opens an entry, so
 * nothing it finds can block it; what each entry really is gets checked when it is read.
 */
public final class HookDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(HookDiscovery.class);

  /** What a scan found. */
  public record Result(List<HookFile> files, List<DiscoveryWarning> warnings) {}

  private final Set<String> knownEvents;

  public HookDiscovery(Set<String> knownEvents) {
    this.knownEvents = Set.copyOf(knownEvents);
  }

  /** Scans the root; a missing root is an empty result. */
  public Result scan(Path root) {
    List<HookFile> files = new ArrayList<>();
    List<DiscoveryWarning> warnings = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return new Result(List.of(), List.of());
    }
    for (Path entry : list(root, warnings)) {
      String name = entry.getFileName().toString();
      if (IgnoredFiles.isIgnored(name) || name.equals("hooks.lock") || unprintable(entry, warnings)) {
        continue;
      }
      if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        warnings.add(new DiscoveryWarning(entry, "hooks go in a directory named after their event, e.g. "
            + root.relativize(entry).resolveSibling("after_media_added").resolve(name) + "; this file is ignored"));
        continue;
      }
      if (!knownEvents.contains(name)) {
        warnings.add(new DiscoveryWarning(entry, unknownEvent(name)));
        continue;
      }
      List<HookFile> eventFiles = new ArrayList<>();
      for (Path file : list(entry, warnings)) {
        String fileName = file.getFileName().toString();
        if (IgnoredFiles.isIgnored(fileName) || unprintable(file, warnings)) {
          continue;
        }
        // Not followed: a link to a directory is a hook file that is not a file, which loading refuses loudly.
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          warnings.add(new DiscoveryWarning(file, "directories inside an event directory are ignored"));
          continue;
        }
        eventFiles.add(new HookFile(file, name, fileName));
      }
      eventFiles.sort(HookOrder.INSTANCE);
      files.addAll(eventFiles);
    }
    warnings.forEach(warning -> LOG.warn("{}: {}", warning.path(), warning.message()));
    return new Result(List.copyOf(files), List.copyOf(warnings));
  }

  /**
   * A name with control characters (a newline, an escape sequence) would carry them into every log line, listing
   * and message that names the hook, so such an entry is ignored, with a warning that shows the name escaped.
   */
  private static boolean unprintable(Path entry, List<DiscoveryWarning> warnings) {
    String name = entry.getFileName().toString();
    String escaped = HookLog.escape(name);
    if (escaped.equals(name)) {
      return false;
    }
    warnings.add(new DiscoveryWarning(entry.getParent(), "'" + escaped + "' has control characters in its name, "
        + "which would reach the logs; it is ignored: rename it"));
    return true;
  }

  private String unknownEvent(String name) {
    return EventNames.suggest(name, knownEvents)
        .map(suggestion -> "'" + name + "' is not an event; did you mean '" + suggestion + "'? Its hooks are ignored")
        .orElse("'" + name + "' is not an event; its hooks are ignored (see 'hooks events' for the list)");
  }

  private static List<Path> list(Path directory, List<DiscoveryWarning> warnings) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      warnings.add(new DiscoveryWarning(directory, "cannot be read: " + e.getMessage()));
      return List.of();
    }
  }
}
