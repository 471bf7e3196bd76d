package dev.hookpoint.sample.cli;

import dev.hookpoint.runtime.HookVetoException;
import dev.hookpoint.cli.HooksCommand;
import dev.hookpoint.runtime.config.ConfigException;
import dev.hookpoint.sample.app.Mydia;
import dev.hookpoint.sample.app.MydiaConfig;
import dev.hookpoint.sample.service.ImportService;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar sample-app.jar [--config FILE] <command>}: the sample media manager's command line.
 *
 * <p>Exit codes: 0 done, 1 failed (not found, invalid state, bad configuration), 2 usage error, 3 vetoed by a
 * hook (nothing was written).
 */
@Command(name = "sample-app", mixinStandardHelpOptions = true, version = "Hookpoint sample app 0.1.0",
    description = "A small media manager that shows Hookpoint's hooks at work.",
    subcommands = {ServeCommand.class, MediaCommand.class, DownloadCommand.class, ImportCommand.class,
        MetadataCommand.class, EpisodesCommand.class, EpisodeCommand.class, SeasonCommand.class,
        DemoCommand.class})
public final class SampleApp implements Runnable, AutoCloseable {

  /** A hook vetoed the action. */
  public static final int VETOED = 3;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The configuration file (default: config.yaml if it exists, else the built-in defaults).")
  Path config;

  @Option(names = "--verbose", description = "Log what the hooks runtime does.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Path workingDirectory;
  private Mydia app;

  public SampleApp(Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath();
  }

  public static void main(String[] args) {
    boolean verbose = java.util.Arrays.asList(args).contains("--verbose")
        || (args.length > 0 && args[0].equals("serve"));
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    int exitCode;
    try (SampleApp root = new SampleApp(Path.of(""))) {
      exitCode = root.commandLine().execute(args);
    }
    System.exit(exitCode);
  }

  /** The command line, with the runtime's {@code hooks} command mounted. */
  public CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(this);
    commandLine.addSubcommand("hooks", HooksCommand.commandLine(() -> app(false).hooks()));
    commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
      if (exception instanceof HookVetoException veto) {
        line.getErr().println("vetoed by " + veto.hookName() + " (" + veto.hookId() + ")"
            + (veto.reason().isEmpty() ? "" : ": " + veto.reason()));
        line.getErr().println("nothing was written");
        return VETOED;
      }
      if (exception instanceof NoSuchElementException || exception instanceof IllegalStateException
          || exception instanceof ImportService.ImportFailedException || exception instanceof ConfigException) {
        line.getErr().println(exception.getMessage());
        return 1;
      }
      throw exception;
    });
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The app, opened on first use; {@code watch} for long-running commands. */
  Mydia app(boolean watch) {
    if (app == null) {
      app = Mydia.open(configuration(), workingDirectory, watch);
    }
    return app;
  }

  Supplier<Mydia> app() {
    return () -> app(false);
  }

  MydiaConfig configuration() {
    Path file = config != null ? workingDirectory.resolve(config) : workingDirectory.resolve("config.yaml");
    if (config != null && !file.toFile().exists()) {
      throw new ConfigException("no configuration file at " + file);
    }
    return MydiaConfig.load(file, System.getenv());
  }

  @Override
  public void close() {
    if (app != null) {
      app.close();
    }
  }
}
