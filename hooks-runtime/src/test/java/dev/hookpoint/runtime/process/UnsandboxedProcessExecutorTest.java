package dev.hookpoint.runtime.process;

/**
 * Every executor test again with {@code hooks.process.sandbox: none}: the session and the {@code /proc} sweep keep
 * doing the cleanup the sandbox does by construction.
 */
class UnsandboxedProcessExecutorTest extends ProcessExecutorTest {

  @Override
  String sandboxYaml() {
    return "sandbox: none\n";
  }
}
