package dev.hookpoint.runtime.history;

/**
 * Told about every recorded run, once: the history, the metrics and the log listen, and so can a dashboard or a
 * metrics registry. Called on the run's thread (or the watchdog's, for a run it gave up on); keep it quick, and do
 * not throw.
 */
@FunctionalInterface
public interface RunListener {

  void recorded(RunRecord run);
}
