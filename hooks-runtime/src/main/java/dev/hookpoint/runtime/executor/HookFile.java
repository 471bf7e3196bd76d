package dev.hookpoint.runtime.executor;

import java.nio.file.Path;

/**
 * A hook file found in {@code hooks/<event>/}.
 *
 * @param path the file
 * @param event the event its directory names
 * @param fileName the file's name, e.g. {@code 02_adjust_anime_settings.lua}
 * @param id the hook's id, unique within a hooks directory: {@code after_media_added/02_adjust_anime_settings.lua}
 */
public record HookFile(Path path, String event, String fileName, String id) {

  public HookFile(Path path, String event, String fileName) {
    this(path, event, fileName, event + "/" + fileName);
  }

  /** The order prefix, e.g. 2 for {@code 02_adjust.lua}, or {@code -1} when the name has none. */
  public int order() {
    int end = 0;
    while (end < fileName.length() && end < 9 && Character.isDigit(fileName.charAt(end))) {
      end++;
    }
    return end == 0 ? -1 : Integer.parseInt(fileName.substring(0, end));
  }
}
