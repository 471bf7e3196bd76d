package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookTester;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hooks new <event> [--lang lua|sh|python] [--name NAME]}: writes a commented hook to start from into
 * {@code hooks/<event>/NN_name.ext}. The prefix is 10 for an event's first hook, else the next multiple of ten
 * above the highest prefix there, so the new hook runs last and there is room to slip one in between. An
 * existing file is never overwritten.
 */
@Command(name = "new", description = "Write a commented hook for EVENT to start from, as hooks/EVENT/NN_NAME.ext "
    + "(NN: 10 for the first hook, else the next multiple of ten after the highest), and print how to test it.")
final class NewCommand implements Callable<Integer> {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private final Supplier<HookRuntime> runtime;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EVENT", description = "The event, e.g. before_media_added "
      + "('hooks events' lists them).")
  String event;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "lua",
      description = "lua (default), sh or python.")
  HookTemplates.Lang lang;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "my_hook",
      description = "The file's name after the prefix, and the hook's name (default my_hook): letters, digits, "
          + "'_' and '-'.")
  String name;

  NewCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HookRuntime hooks = runtime.get();
    Optional<HookPointDescriptor<?, ?>> point = hooks.hookPoint(event);
    if (point.isEmpty()) {
      err.println(new HookTester(hooks).unknownEvent(event));
      err.flush();
      return 1;
    }
    if (!NAME.matcher(name).matches()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--name must be letters, digits, '_' and '-' "
          + "(at most 64, starting with a letter or digit); got '" + name + "'");
    }
    Path directory = hooks.hooksDirectory().toAbsolutePath().resolve(event);
    Path file;
    try {
      createDirectories(directory);
      file = directory.resolve(String.format("%02d_%s%s", nextPrefix(directory), name, lang.extension));
      String hooksCommand = spec.parent().qualifiedName();
      String test = hooksCommand + " test " + quoted(file.toString());
      String text = new HookTemplates(point.get(), name, hooksCommand, test).write(lang);
      Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE_NEW);
      // Explicitly, whatever the umask: the runtime refuses group- or world-writable hooks.
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
          lang == HookTemplates.Lang.lua ? "rw-r--r--" : "rwxr-xr-x"));
      out.println("Wrote " + file);
      out.println("Test it: " + test);
      out.flush();
      return 0;
    } catch (FileAlreadyExistsException e) {
      err.println(e.getFile() + " exists; not overwritten");
    } catch (IOException e) {
      err.println("cannot write the hook: " + e);
    }
    err.flush();
    return 1;
  }

  /** 10 for an empty directory, else the next multiple of ten above the highest numeric prefix. */
  static int nextPrefix(Path directory) throws IOException {
    int highest = 0;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String fileName = file.getFileName().toString();
        int end = 0;
        while (end < fileName.length() && end < 9 && Character.isDigit(fileName.charAt(end))) {
          end++;
        }
        if (end > 0) {
          highest = Math.max(highest, Integer.parseInt(fileName.substring(0, end)));
        }
      }
    }
    return (highest / 10 + 1) * 10;
  }

  /** Creates what is missing of {@code directory}, each directory made {@code rwxr-xr-x}. */
  private static void createDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    createDirectories(directory.getParent());
    Files.createDirectory(directory);
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The path as a shell word: as it is when it is plain, else in single quotes. */
  static String quoted(String path) {
    return path.matches("[A-Za-z0-9_./@%+=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }
}
