package dev.hookpoint.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's module exports exactly the surface {@code docs/architecture.md} decides, and a host that is itself
 * a module can use it: compiled and run here with plain {@code javac} and {@code java} on the module path.
 */
class ModuleSurfaceTest {

  private static final Set<String> SURFACE = Set.of("dev.hookpoint.runtime", "dev.hookpoint.runtime.contract",
      "dev.hookpoint.runtime.config", "dev.hookpoint.runtime.history", "dev.hookpoint.runtime.executor");

  @TempDir Path root;

  @Test
  void theModuleExportsTheHostApiTheContractAndTheHostSpiOnly() {
    ModuleDescriptor runtime = ModuleFinder.of(runtimeClasses()).find("dev.hookpoint.runtime").orElseThrow()
        .descriptor();
    Set<String> exported = runtime.exports().stream().filter(export -> !export.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(SURFACE), exported);
    assertTrue(runtime.uses().contains("dev.hookpoint.runtime.contract.HookCatalog"), "catalogs are services");
  }

  @Test
  void aHostModuleCannotCompileAgainstTheRuntimesOwnPackages() throws IOException {
    write("module-info.java", "module host { requires dev.hookpoint.runtime; }");
    write("host/Peek.java", """
        package host;
        public class Peek {
          dev.hookpoint.runtime.registry.HookRegistry registry;
        }
        """);
    String diagnostics = compile();
    assertTrue(diagnostics.contains("package dev.hookpoint.runtime.registry is not visible"), diagnostics);
  }

  @Test
  void aHostModuleStartsTheRuntimeWithBothStandardExecutors() throws Exception {
    write("module-info.java", "module host { requires dev.hookpoint.runtime; }");
    write("host/Main.java", """
        package host;

        import dev.hookpoint.runtime.HookRuntime;
        import dev.hookpoint.runtime.config.ConfigLoader;
        import java.nio.file.Path;
        import java.util.ArrayList;
import java.util.List;
        import java.util.Map;

        public class Main {
          public static void main(String[] args) {
            try (HookRuntime hooks = HookRuntime.builder(ConfigLoader.load(Path.of(args[0]), Map.of()))
                .baseDirectory(Path.of(args[1])).hookPoints(List.of()).standardExecutors()
                .closeOnShutdown(false).build().start()) {
              System.out.println("hooks: " + hooks.hooks().size() + ", history: "
                  + hooks.config().hooks().history().maxRuns() + ", store: " + hooks.storeProblem()
                  .map(Throwable::getMessage).orElse("ok"));
            }
          }
        }
        """);
    assertEquals("", compile());
    Path config = Files.writeString(root.resolve("hookpoint.yaml"), "hooks:\n  history:\n    max_runs: 7\n");
    Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", modulePath() + File.pathSeparator + root.resolve("out"), "-m", "host/host.Main",
        config.toString(), root.toString()).redirectErrorStream(true).start();
    assertTrue(host.waitFor(60, TimeUnit.SECONDS), "the host exited");
    String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, host.exitValue(), output);
    assertTrue(output.contains("hooks: 0, history: 7"), output);
    assertTrue(Files.isRegularFile(root.resolve("hooks.db")), "the default store, SQLite on the module path");
    assertTrue(output.contains("store: ok"), output);
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve("src").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** Compiles the host in {@code src} to {@code out}; the diagnostics, empty when it compiled cleanly. */
  private String compile() throws IOException {
    List<String> sources;
    try (var files = Files.walk(root.resolve("src"))) {
      sources = files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
    }
    List<String> arguments = new ArrayList<>(List.of("--module-path", modulePath(), "-d",
        root.resolve("out").toString(), "-proc:none"));
    arguments.addAll(sources);
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
    return diagnostics.toString(StandardCharsets.UTF_8);
  }

  /** The runtime's classes and its dependencies, as the host would have them. */
  private static String modulePath() {
    return System.getProperty("jdk.module.path");
  }

  private static Path runtimeClasses() {
    return Path.of(HookRuntime.class.getProtectionDomain().getCodeSource().getLocation().getPath());
  }
}
