package dev.hookpoint.sample.simulate;

import java.util.Locale;

/** A simulated download client: it accepts every URL and saves under {@code /downloads/<category>/}. */
public final class DownloadClient {

  public static final String NAME = "transmission-sim";

  public String savePath(String category, String releaseTitle) {
    return "/downloads/" + category.toLowerCase(Locale.ROOT) + "/" + releaseTitle;
  }
}
