package dev.hookpoint.runtime.discovery;

/**
 * Files in a hook directory that are not hooks: hidden files, editor leftovers, switched-off hooks and notes.
 */
public final class IgnoredFiles {

  private IgnoredFiles() {}

  /** Whether a file name is not a hook. */
  public static boolean isIgnored(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    return fileName.startsWith(".")
        || fileName.endsWith("~")
        || lower.endsWith(".swp")
        || lower.endsWith(".swo")
        || lower.endsWith(".bak")
        || lower.endsWith(".orig")
        || lower.endsWith(".tmp")
        || lower.endsWith(".disabled")
        || lower.endsWith(".md")
        || lower.endsWith(".txt")
        || lower.startsWith("#");
  }
}
