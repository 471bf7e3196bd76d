package dev.hookpoint.benchmarks;

import dev.hookpoint.runtime.HookRuntime;
import dev.hookpoint.runtime.config.ConfigLoader;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.Invocation;
import dev.hookpoint.runtime.executor.LoadedHook;
import dev.hookpoint.runtime.lua.LuaExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.jse.JsePlatform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The sample app's anime hook end to end (generated wrapper, dispatcher, sandboxed Lua executor with every limit,
 * typed merge, run history), beside raw LuaJ calling the same compiled {@code execute} on a shared environment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class LuaHookBenchmark {

  private Path oneHook;
  private Path fiveHooks;
  private HookRuntime one;
  private HookRuntime five;
  private BenchService wrappedOne;
  private BenchService wrappedFive;
  private LuaValue rawExecute;
  private LuaValue rawContext;
  private LuaExecutor coldExecutor;
  private HookFile coldFile;

  @Setup(Level.Trial)
  public void setUp() {
    oneHook = Fixtures.directory();
    Fixtures.write(oneHook, "after_media_added/02_adjust_anime_settings.lua", Fixtures.ANIME, false);
    one = Fixtures.runtime(oneHook, "");
    wrappedOne = new HookedBenchService(one.dispatcher());

    fiveHooks = Fixtures.directory();
    for (int i = 1; i <= 5; i++) {
      Fixtures.write(fiveHooks, "after_media_added/0" + i + "_anime.lua", Fixtures.ANIME, false);
    }
    five = Fixtures.runtime(fiveHooks, "");
    wrappedFive = new HookedBenchService(five.dispatcher());

    Globals shared = JsePlatform.standardGlobals();
    LuaTable log = new LuaTable();
    log.set("info", new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue message) {
        return NIL;
      }
    });
    shared.set("log", log);
    shared.load(Fixtures.ANIME, "anime").call();
    rawExecute = shared.get("execute");
    rawContext = new LuaTable();

    coldExecutor = new LuaExecutor(ConfigLoader.parse("", "bench.yaml", Map.of()).hooks());
    Path file = oneHook.resolve("hooks/after_media_added/02_adjust_anime_settings.lua");
    coldFile = new HookFile(file, "after_media_added", file.getFileName().toString());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    one.close();
    five.close();
    Fixtures.delete(oneHook);
    Fixtures.delete(fiveHooks);
  }

  /** The full path with one hook: what a host pays per event. */
  @Benchmark
  public BenchService.MediaItem endToEnd() {
    return wrappedOne.added(1);
  }

  /** The full path with five chained hooks, each seeing the previous one's changes. */
  @Benchmark
  public BenchService.MediaItem endToEndFiveHooks() {
    return wrappedFive.added(1);
  }

  /** The floor: the compiled execute on one shared environment, with a hand-built event table. */
  @Benchmark
  public LuaValue rawLuaj() {
    LuaTable media = new LuaTable();
    media.set("id", 1);
    media.set("type", "tv_show");
    media.set("title", "Attack on Titan");
    media.set("year", 2013);
    media.set("monitored", LuaValue.TRUE);
    media.set("quality_profile", "HD-1080p");
    LuaTable event = new LuaTable();
    event.set("media_item", media);
    return rawExecute.call(event, rawContext);
  }

  /** A cold first run: read and compile the file, then run it once. */
  @Benchmark
  public Object coldLoadAndRun() throws HookFailure, IOException {
    LoadedHook hook = coldExecutor.load(coldFile, Files.readAllBytes(coldFile.path()));
    return coldExecutor.run(hook, new Invocation("cold", "after_media_added",
        Map.of("media_item", Map.of("type", "tv_show", "title", "Attack on Titan")), 5_000,
        System.nanoTime() + 5_000_000_000L, false, new HookLog("cold", 10, 100), Map.of()));
  }
}
