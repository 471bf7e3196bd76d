package dev.hookpoint.runtime.lua;

/**
 * Lets long-running library code (pattern matching, string building, JSON) stop a hook that is past its limits
 * although no Lua instruction runs.
 */
@FunctionalInterface
interface Checkpoint {

  /** Throws the run's limit error when the run is over its time or memory. */
  void check();

  /** For code that runs outside any hook (tests, tools). */
  Checkpoint NONE = () -> {};
}
