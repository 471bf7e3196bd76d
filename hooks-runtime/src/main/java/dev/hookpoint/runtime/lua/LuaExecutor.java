package dev.hookpoint.runtime.lua;

import dev.hookpoint.runtime.compat.MydiaShapes;
import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.contract.HookEvent;
import dev.hookpoint.runtime.executor.HookExecutor;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.executor.HookFile;
import dev.hookpoint.runtime.executor.HookLog;
import dev.hookpoint.runtime.executor.HookMetadata;
import dev.hookpoint.runtime.executor.Invocation;
import dev.hookpoint.runtime.executor.LoadedHook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;

/**
 * Runs {@code .lua} hooks in the sandbox. A hook is compiled once into a prototype at load time (syntax errors
 * are load errors with the line); each run binds that prototype to a fresh, cheap environment with its own
 * limiter, runs the chunk, then calls {@code execute(event, context)} unless the chunk returned a result itself
 * (the {@code return execute(event)} style).
 */
public final class LuaExecutor implements HookExecutor {

  /** Largest Lua hook file. */
  static final int MAX_SOURCE = 1024 * 1024;
  /** Longest a hook file may take to compile; a reload waits for it. */
  static final long MAX_COMPILE_MS = 2_000;

  /** LuaJ prefixes errors with {@code @chunk:line} (runtime) or {@code chunk:line:} (error(), syntax), or both. */
  private static final Pattern LOCATION = Pattern.compile("^@?([^:\\s]+):(\\d+):? ");
  private static final Pattern LOCATION_ANYWHERE = Pattern.compile("([\\w./-]+\\.lua):(\\d+):");

  private final HookpointConfig.Lua limits;
  private final HttpHelper http;
  private final LuaSandbox sandbox;

  public LuaExecutor(HookpointConfig.Hooks config) {
    this.limits = config.lua();
    this.http = new HttpHelper(config.lua().http());
    this.sandbox = new LuaSandbox(http);
    warmUp();
  }

  /**
   * Runs a small script through every part of the sandbox once. Class initialisation that first happens deep in
   * a hook's runaway recursion could fail with a StackOverflowError and leave a LuaJ class unusable for the life
   * of the JVM; doing it here, on a shallow stack, rules that out (and makes the first real run fast).
   */
  private void warmUp() {
    String script = """
        local t = { 3, 1, 2, name = "x" }
        table.sort(t, function(a, b) return a > b end)
        local s = table.concat({ ("a"):rep(3), string.format("%d %s", 1, "b"), tostring(#t) }, ",")
        local found = s:find("a+") and s:match("(%d)") and s:gsub("a", "b")
        for word in s:gmatch("%a+") do found = word end
        local co = coroutine.wrap(function() coroutine.yield(1) end)
        co()
        local ok = pcall(error, "x")
        local decoded = json.decode(json.encode({ a = { 1, 2 } }))
        local f = load("return 1")
        return { modified = false, message = s .. tostring(ok) .. decoded.a[2] .. f() .. os.time() .. math.floor(1.5)
          .. table.length(t) .. select("#", unpack(t)) .. bit32.band(3, 1) .. string.byte("a") .. string.char(65) }
        """;
    try {
      Prototype prototype = LuaC.instance.compile(
          new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), "=warm-up");
      HookFile file = new HookFile(Path.of("warm-up.lua"), "warm_up", "warm-up.lua");
      run(new LuaHook(file, HookMetadata.named("warm-up"), prototype, script), new Invocation("warm-up", "warm_up",
          Map.of("context", Map.of()), 10_000, System.nanoTime() + 10_000_000_000L, true,
          new HookLog("warm-up", 10, 100), Map.of()));
    } catch (IOException | HookFailure e) {
      throw new IllegalStateException("the Lua sandbox does not work: " + e.getMessage(), e);
    }
  }

  /** A compiled Lua hook. */
  record LuaHook(HookFile file, HookMetadata metadata, Prototype prototype, String source) implements LoadedHook {

    /** Line {@code number} of the hook's source, for a hint about a failure there; {@code null} if none. */
    String line(Integer number) {
      if (number == null || number < 1) {
        return null;
      }
      return source.lines().skip(number - 1).findFirst().orElse(null);
    }
  }

  @Override
  public String name() {
    return "lua";
  }

  @Override
  public boolean handles(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".lua");
  }

  @Override
  public LoadedHook load(HookFile file, byte[] source) throws HookFailure {
    String path = file.path().toString();
    if (source.length > MAX_SOURCE) {
      throw HookFailure.loadError("Lua hooks are limited to " + MAX_SOURCE + " bytes", path, null);
    }
    if (source.length > 0 && source[0] == 0x1b) {
      throw HookFailure.loadError("precompiled (binary) Lua chunks are not allowed; use the .lua source", path, 1);
    }
    Prototype prototype;
    try {
      prototype = LuaC.instance.compile(new TimedSource(source, MAX_COMPILE_MS), "@" + file.fileName());
    } catch (TimedSource.TooSlow e) {
      throw HookFailure.loadError("took more than " + MAX_COMPILE_MS + " ms to compile; LuaJ compiles long chains "
          + "of 'and', 'or' and 'elseif' slowly: split them, or the hook", path, null);
    } catch (LuaError e) {
      throw failure(e.getMessage(), path, true).withMetadata(readableMetadata(source, file));
    } catch (IOException e) {
      throw HookFailure.loadError("cannot compile: " + e.getMessage(), path, null);
    }
    String text = new String(source, StandardCharsets.UTF_8);
    HookMetadata metadata = LuaMetadata.read(text, file.fileName(), path);
    return new LuaHook(file, metadata, prototype, text);
  }

  /** The metadata of a hook that does not compile, when its {@code hook = {...}} table can still be read. */
  private static HookMetadata readableMetadata(byte[] source, HookFile file) {
    try {
      return LuaMetadata.read(new String(source, StandardCharsets.UTF_8), file.fileName(), file.path().toString());
    } catch (HookFailure unreadable) {
      return null;
    }
  }

  @Override
  public Object run(LoadedHook loaded, Invocation invocation) throws HookFailure {
    LuaHook hook = (LuaHook) loaded;
    String path = hook.file().path().toString();
    sandbox.installStringMetatable();
    LuaLimiter limiter = new LuaLimiter(limits.maxInstructions(), invocation.deadlineNanos(),
        limits.maxMemoryBytes(), limits.maxCallDepth());
    invocation.cancellation().onCancel(() -> limiter.trip(new LuaLimitError("time", "stopped from outside")));
    Globals environment = sandbox.acquireEnvironment(limiter);
    LuaRun run = new LuaRun(hook.file().id(), environment, limiter, invocation.log(),
        http.budgetFor(hook.file().id()));
    run.enter();
    try {
      LuaTable event = invocation.typedEvent() != null ? event(invocation.typedEvent()) : event(invocation.payload());
      LuaValue context = event.rawget("context");
      environment.rawset("event", event);
      environment.rawset("context", context);
      LuaValue result = new LuaClosure(hook.prototype(), environment).invoke(LuaValue.NONE).arg1();
      if (result.isnil()) {
        LuaValue execute = environment.rawget("execute");
        if (!execute.isfunction()) {
          throw HookFailure.executionError("the hook defines no execute(event, context) function and returns "
              + "no result; define function execute(event, context) ... end", path, null);
        }
        result = execute.call(event, context);
      }
      return LuaValues.readInPlace(result, "the result");
    } catch (LuaLimitError e) {
      throw limitFailure(e, invocation, path);
    } catch (LuaError e) {
      LuaLimitError tripped = limiter.tripped();
      if (tripped != null) {
        throw limitFailure(tripped, invocation, path);
      }
      HookFailure failure = failure(e.getMessage(), path, false);
      String hinted = SandboxHints.withHint(failure.getMessage(), hook.line(failure.line()));
      throw hinted.equals(failure.getMessage()) ? failure : HookFailure.executionError(hinted, path, failure.line());
    } catch (LuaValues.ConversionException e) {
      throw HookFailure.dataError(shown(e.getMessage()), path);
    } catch (StackOverflowError e) {
      throw HookFailure.executionError("stack overflow: the hook recursed too deeply", path, null);
    } catch (OutOfMemoryError e) {
      throw HookFailure.executionError("the hook tried to allocate more memory than the JVM has", path, null);
    } catch (RuntimeException e) {
      throw HookFailure.executionError("the hook failed: " + e, path, null);
    } finally {
      run.exit();
      sandbox.release(environment);
    }
  }

  /** Closes the http helper's client and its connections. */
  @Override
  public void close() {
    http.close();
  }

  /**
   * The event as Lua sees it: the payload, plus its fields again under {@code event.data}, built on first use
   * (most hooks read the fields at the top level).
   */
  static LuaTable event(Map<String, Object> payload) {
    LuaTable event = (LuaTable) LuaValues.toLua(payload);
    event.setmetatable(EVENT_METATABLE);
    return event;
  }

  /** The same, written straight from the event's records. */
  private static LuaTable event(HookEvent typed) {
    LuaTable event = LuaTableWriter.table(typed);
    event.setmetatable(EVENT_METATABLE);
    return event;
  }

  private static final LuaValue DATA = LuaValue.valueOf("data");
  /**
   * Builds {@code event.data} ({@link MydiaShapes}) when a hook first reads it, then stores it in the event like any
   * field.
   */
  private static final ReadOnlyTable EVENT_METATABLE = new ReadOnlyTable("metatable of event")
      .with(LuaValue.INDEX, new org.luaj.vm2.lib.TwoArgFunction() {
        @Override
        public LuaValue call(LuaValue table, LuaValue key) {
          if (!key.raweq(DATA)) {
            return NIL;
          }
          LuaTable event = table.checktable();
          LuaTable data = new LuaTable();
          for (Varargs next = event.next(NIL); !next.arg1().isnil(); next = event.next(next.arg1())) {
            if (MydiaShapes.isEventData(next.arg1().tojstring())) {
              data.rawset(next.arg1(), next.arg(2));
            }
          }
          event.rawset(DATA, data);
          return data;
        }
      })
      .with(LuaValue.METATABLE, LuaValue.FALSE)
      .seal();

  private HookFailure limitFailure(LuaLimitError error, Invocation invocation, String path) {
    if (error.kind().equals("time")) {
      return HookFailure.timeout("stopped after " + invocation.timeoutMs() + " ms (its time limit)", path);
    }
    if (error.isTimeout()) {
      return HookFailure.timeout(error.getMessage(), path);
    }
    return HookFailure.executionError(error.getMessage(), path, null);
  }

  /** A Lua error with its file and line pulled out of LuaJ's {@code chunk:line: message} form. */
  private static HookFailure failure(String message, String path, boolean load) {
    String text = message == null ? "unknown error" : message.strip();
    Integer line = null;
    Matcher located = LOCATION.matcher(text);
    if (located.find()) {
      line = Integer.parseInt(located.group(2));
      text = text.substring(located.end());
      Matcher again = LOCATION.matcher(text);
      if (again.find()) {
        text = text.substring(again.end());
      }
    } else {
      Matcher anywhere = LOCATION_ANYWHERE.matcher(text);
      if (anywhere.find()) {
        line = Integer.parseInt(anywhere.group(2));
      }
    }
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline).strip();
    }
    text = shown(SyntaxMessages.readable(text));
    return load ? HookFailure.loadError("syntax error: " + text, path, line)
        : HookFailure.executionError(text, path, line);
  }

  /** Longest message kept from a hook's error: messages go to the run history and the host's log. */
  private static final int MAX_MESSAGE = 1000;

  /** A message from the hook, cut and with its control characters written visibly, as log lines are. */
  private static String shown(String message) {
    return HookLog.shown(message, MAX_MESSAGE);
  }
}
