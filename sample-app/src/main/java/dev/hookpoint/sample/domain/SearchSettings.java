package dev.hookpoint.sample.domain;

/**
 * How releases of an item are searched for and ranked.
 *
 * @param preferSubbed rank subtitled releases higher
 * @param excludeDubbed never pick dubbed releases
 */
public record SearchSettings(boolean preferSubbed, boolean excludeDubbed) {

  public static final SearchSettings DEFAULT = new SearchSettings(false, false);
}
