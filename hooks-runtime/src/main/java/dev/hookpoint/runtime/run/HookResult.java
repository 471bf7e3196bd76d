package dev.hookpoint.runtime.run;

import java.util.Map;

/**
 * A hook's result after validation, the design's §7.2 shape.
 *
 * @param modified whether the hook says it changed something
 * @param changes what to change, as plain data (not yet checked against the changes record)
 * @param message for the history, or empty
 * @param metadata free-form data for the history
 * @param halt stop the chain (veto, for before_ events)
 */
public record HookResult(boolean modified, Map<String, Object> changes, String message,
    Map<String, Object> metadata, boolean halt) {

  /** What a hook that returned nothing means: ran, changed nothing. */
  public static final HookResult NOTHING = new HookResult(false, Map.of(), "", Map.of(), false);
}
