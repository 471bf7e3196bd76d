package dev.hookpoint.runtime.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * No sandbox: the hook runs as the host's user and sees what it sees. It leads its own session ({@code setsid}) so
 * that the executor's {@code /proc} sweep can find everything it started.
 */
final class NoSandbox implements Sandbox {

  private static final Path SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
      .filter(Files::isExecutable).findFirst().orElse(null);

  @Override
  public String name() {
    return "none";
  }

  @Override
  public List<String> command(SandboxSpec run) {
    List<String> command = new ArrayList<>(2);
    if (SETSID != null) {
      command.add(SETSID.toString());
    }
    command.add(run.copy().toString());
    return command;
  }

  @Override
  public boolean containsItsProcesses() {
    return false;
  }
}
