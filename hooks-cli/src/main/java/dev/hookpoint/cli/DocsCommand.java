package dev.hookpoint.cli;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.HookTester;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hooks docs [EVENT] [--out DIR]}: the per-event pages the processor generated into the host's build
 * ({@code META-INF/hookpoint/events/}), in the terminal or exported with their schemas, LuaLS stubs, an index and
 * a {@code .luarc.json} for the Lua language server.
 */
@Command(name = "docs", description = "Print an event's page (without EVENT: the events, one line each), or "
    + "export every page, JSON Schema and LuaLS stub, an index and a .luarc.json with --out.")
final class DocsCommand implements Callable<Integer> {

  static final String DIRECTORY = "META-INF/hookpoint/events/";
  /** The classes the events' stubs share, written once by the processor. */
  static final String SHARED_STUBS = "types.d.lua";
  private static final List<String> SUFFIXES = List.of(".md", ".schema.json", ".result.schema.json", ".d.lua");

  private final Supplier<HookRuntime> runtime;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "EVENT", description = "The event whose page to print.")
  String event;

  @Option(names = "--out", paramLabel = "DIR", description = "Export every event's docs into DIR (created if need "
      + "be; files there of the same names are replaced).")
  Path out;

  DocsCommand(Supplier<HookRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HookRuntime hooks = runtime.get();
    try {
      if (out != null) {
        if (event != null) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--out exports every event; give no EVENT");
        }
        return export(hooks, stdout, err);
      }
      if (event == null) {
        hooks.hookPoints().forEach(point -> stdout.println(EventsCommand.oneLine(point)));
        stdout.println();
        stdout.println("One event's page: " + hooksCommand() + " docs EVENT; all of them, with schemas and "
            + "editor stubs: " + hooksCommand() + " docs --out DIR");
        stdout.flush();
        return 0;
      }
      Optional<HookPointDescriptor<?, ?>> point = hooks.hookPoint(event);
      if (point.isEmpty()) {
        err.println(new HookTester(hooks).unknownEvent(event));
        return 1;
      }
      Optional<String> page = resource(point.get(), event + ".md");
      if (page.isEmpty()) {
        err.println(missing(event));
        return 1;
      }
      stdout.print(TerminalMarkdown.render(page.get()));
      stdout.flush();
      return 0;
    } catch (IOException e) {
      err.println("cannot export the docs: " + e);
      return 1;
    } finally {
      err.flush();
    }
  }

  /** Reads every file first, so that a host's build without docs leaves nothing half-exported. */
  private int export(HookRuntime hooks, PrintWriter stdout, PrintWriter err) throws IOException {
    Path dir = out.toAbsolutePath().normalize();
    List<HookPointDescriptor<?, ?>> points = hooks.hookPoints();
    Map<String, String> files = new LinkedHashMap<>();
    for (HookPointDescriptor<?, ?> point : points) {
      for (String suffix : SUFFIXES) {
        Optional<String> text = resource(point, point.name() + suffix);
        if (text.isEmpty()) {
          err.println(missing(point.name()));
          return 1;
        }
        files.put(point.name() + suffix, text.get());
      }
    }
    List<String> shared = sharedStubs(points);
    for (int i = 0; i < shared.size(); i++) {
      files.put(i == 0 ? SHARED_STUBS : "types_" + (i + 1) + ".d.lua", shared.get(i));
    }
    files.put("index.md", index(points));
    files.put(".luarc.json", luarc(dir));
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }
    stdout.println("Wrote " + files.size() + " files to " + dir + ": a page, two JSON Schemas and a LuaLS stub per "
        + "event, " + SHARED_STUBS + ", index.md and .luarc.json.");
    stdout.println("For completion in your editor, copy " + dir.resolve(".luarc.json") + " into the hooks "
        + "directory (" + hooks.hooksDirectory().toAbsolutePath() + ").");
    stdout.flush();
    return 0;
  }

  /** The {@code .luarc.json} that points the Lua language server at the stubs in {@code dir}. */
  static String luarc(Path dir) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("$schema", "https://raw.githubusercontent.com/LuaLS/vscode-lua/master/setting/schema.json");
    config.put("runtime", Map.of("version", "Lua 5.2"));
    Map<String, Object> workspace = new LinkedHashMap<>();
    workspace.put("library", List.of(dir.toString()));
    workspace.put("checkThirdParty", false);
    config.put("workspace", workspace);
    // What the sandbox defines for every hook, so that the server does not call them undefined.
    config.put("diagnostics", Map.of("globals", List.of("hook", "execute", "event", "context", "log", "json",
        "http")));
    return JsonOutput.pretty(JsonOutput.text(config)) + "\n";
  }

  private static String index(List<HookPointDescriptor<?, ?>> points) {
    StringBuilder md = new StringBuilder("# Hook points\n\n")
        .append("One page per event, with its JSON Schemas (`<event>.schema.json` for the payload, ")
        .append("`<event>.result.schema.json` for the result) and LuaLS stubs (`<event>.d.lua`, with the classes ")
        .append("events share in `").append(SHARED_STUBS).append("`).\n\n")
        .append("| Event | Mode | What it is |\n|---|---|---|\n");
    for (HookPointDescriptor<?, ?> point : points) {
      md.append("| [`").append(point.name()).append("`](").append(point.name()).append(".md) | ")
          .append(point.mode()).append(" | ")
          .append((point.description().isEmpty() ? point.source() : point.description())
              .replaceAll("\\s+", " ").replace("|", "\\|"))
          .append(" |\n");
    }
    return md.toString();
  }

  private Optional<String> resource(HookPointDescriptor<?, ?> point, String name) throws IOException {
    URL url = loader(point).getResource(DIRECTORY + name);
    return url == null ? Optional.empty() : Optional.of(read(url));
  }

  /** Every {@code types.d.lua} the host's builds left (one per compilation that declared hook points). */
  private static List<String> sharedStubs(List<HookPointDescriptor<?, ?>> points) throws IOException {
    List<String> texts = new ArrayList<>();
    List<ClassLoader> loaders = points.stream().map(DocsCommand::loader).distinct().toList();
    List<URL> seen = new ArrayList<>();
    for (ClassLoader loader : loaders) {
      for (URL url : Collections.list(loader.getResources(DIRECTORY + SHARED_STUBS))) {
        if (!seen.contains(url)) {
          seen.add(url);
          texts.add(read(url));
        }
      }
    }
    return texts;
  }

  private static ClassLoader loader(HookPointDescriptor<?, ?> point) {
    ClassLoader loader = point.eventType().getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String missing(String name) {
    return "no generated page for " + name + " in the host's build (" + DIRECTORY + name + ".md; the hooks-processor "
        + "writes it); '" + hooksCommand() + " events " + name + "' shows its fields";
  }

  private String hooksCommand() {
    return spec.parent().qualifiedName();
  }
}
