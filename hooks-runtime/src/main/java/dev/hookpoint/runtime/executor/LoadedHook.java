package dev.hookpoint.runtime.executor;


/** A hook its executor has loaded (compiled, checked) and can run many times. Executors add their own state. */
public interface LoadedHook {

  /** The file it was loaded from. */
  HookFile file();

  /** What the hook says about itself. */
  HookMetadata metadata();
}
