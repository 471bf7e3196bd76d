package dev.hookpoint.runtime;

import dev.hookpoint.runtime.config.HookpointConfig;
import dev.hookpoint.runtime.contract.HookCatalog;
import dev.hookpoint.runtime.contract.HookDispatcher;
import dev.hookpoint.runtime.contract.HookPointDescriptor;
import dev.hookpoint.runtime.contract.Phase;
import dev.hookpoint.runtime.discovery.HookDiscovery;
import dev.hookpoint.runtime.dispatch.BackgroundDelivery;
import dev.hookpoint.runtime.dispatch.BackgroundRunner;
import dev.hookpoint.runtime.dispatch.DurableDelivery;
import dev.hookpoint.runtime.dispatch.MemoryDelivery;
import dev.hookpoint.runtime.dispatch.HookChain;
import dev.hookpoint.runtime.dispatch.RuntimeDispatcher;
import dev.hookpoint.runtime.executor.FileCheck;
import dev.hookpoint.runtime.executor.HookExecutor;
import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.history.HookMetrics;
import dev.hookpoint.runtime.history.HookStateStore;
import dev.hookpoint.runtime.history.RunListener;
import dev.hookpoint.runtime.history.RunStore;
import dev.hookpoint.runtime.history.StoreException;
import dev.hookpoint.runtime.registry.HookLock;
import dev.hookpoint.runtime.registry.HookRegistry;
import dev.hookpoint.runtime.registry.HotReloader;
import dev.hookpoint.runtime.registry.RegisteredHook;
import dev.hookpoint.runtime.registry.RegistryLoader;
import dev.hookpoint.runtime.registry.TrustedReader;
import dev.hookpoint.runtime.run.HookRunner;
import dev.hookpoint.runtime.run.Watchdog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hookpoint at run time: finds the hooks, keeps the registry current, and gives generated wrappers their
 * {@link #dispatcher()}. One per application.
 *
 * <pre>{@code
 * HookRuntime hooks = HookRuntime.builder(ConfigLoader.load(Path.of("config.yaml"), System.getenv()))
 *     .standardExecutors()
 *     .build();
 * hooks.start();
 * MediaLibrary library = new HookedMediaLibrary(hooks.dispatcher());
 * }</pre>
 */
public final class HookRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HookRuntime.class);

  /**
   * The settings an operator may change while the host runs (the dashboard's Settings page): read at each run.
   * Every other key is read once, at start.
   */
  public static final java.util.Set<String> LIVE_SETTINGS = java.util.Set.of("hooks.default_timeout_ms",
      "hooks.process_timeout_ms", "hooks.max_timeout_ms");

  private final HookpointConfig config;
  /** The configuration with the operator's live changes. */
  private final java.util.concurrent.atomic.AtomicReference<HookpointConfig> live;
  private final LiveSettings settings;
  private final Path hooksDirectory;
  private final Map<String, HookPointDescriptor<?, ?>> points;
  private final List<HookExecutor> executors;
  private final RunStore runStore;
  private final HookStateStore stateStore;
  private final Stores stores;
  private final HookMetrics metrics = new HookMetrics();
  private final Watchdog watchdog;
  private final HookRunner runner;
  private final BackgroundDelivery background;
  private final RuntimeDispatcher dispatcher;
  private final RegistryLoader loader;
  private final HookLock lock;
  private final boolean hotReload;
  private final boolean closeOnShutdown;
  private final Thread shutdownHook = new Thread(this::close, "hookpoint-shutdown");
  /** Hooks switched off because the watchdog abandoned a run of theirs, with the content they had then. */
  private final Map<String, String> quarantined = new java.util.concurrent.ConcurrentHashMap<>();
  private HotReloader reloader;
  private boolean started;
  private boolean closed;

  private HookRuntime(Builder builder) {
    this.config = builder.config;
    this.live = builder.live;
    this.hooksDirectory = builder.config.hooksDirectory(builder.baseDirectory);
    Map<String, HookPointDescriptor<?, ?>> byName = new LinkedHashMap<>();
    builder.points.forEach(point -> byName.putIfAbsent(point.name(), point));
    this.points = Map.copyOf(byName);
    this.executors = List.copyOf(builder.executors);
    this.stores = Stores.choose(config, builder.baseDirectory, builder.runStore, builder.stateStore,
        builder.dataSource, builder.inMemoryStores);
    this.runStore = stores.runs();
    this.stateStore = stores.state();
    this.settings = new LiveSettings(config, live, stateStore);
    this.watchdog = new Watchdog();
    this.runner = new HookRunner(config.hooks(), () -> live.get().hooks(), runStore, metrics, watchdog);
    HookChain chain = new HookChain(runner);
    this.background = delivery(builder.dataSource, chain);
    watchdog.listener(this::abandoned);
    this.dispatcher = new RuntimeDispatcher(chain, background,
        new HookContext(null, builder.settings, false));
    TrustedReader reader = new TrustedReader(config.hooks().maxFileBytes(), config.hooks().allowSymlinks(),
        config.hooks().strictPermissions());
    this.lock = new HookLock(hooksDirectory, reader);
    List<FileCheck> checks = new ArrayList<>();
    if (config.hooks().requireLock()) {
      checks.add(lock);
    }
    checks.addAll(builder.checks);
    this.loader = new RegistryLoader(new HookDiscovery(points.keySet()), reader, executors, checks);
    this.hotReload = builder.hotReload != null ? builder.hotReload : config.hooks().hotReload();
    this.closeOnShutdown = builder.closeOnShutdown;
  }

  /**
   * {@code hooks.async.delivery}: durable on the database when asked, or by default when the host gave a
   * {@code DataSource}; memory otherwise, and when the database cannot hold the tasks (logged, not the host's
   * failure, as with the stores).
   */
  private BackgroundDelivery delivery(DataSource hostDatabase, HookChain chain) {
    HookpointConfig.Async async = config.hooks().async();
    boolean durable = async.delivery() == HookpointConfig.Delivery.DURABLE
        || (async.delivery() == HookpointConfig.Delivery.AUTO && hostDatabase != null);
    if (durable && config.hooks().enabled()) {
      DataSource database = hostDatabase != null ? hostDatabase : stores.database();
      String where = hostDatabase != null ? "the host's data source" : stores.where();
      if (database == null) {
        LOG.error("[hookpoint:delivery-memory] hooks.async.delivery: durable needs a database, and this runtime "
            + "keeps its stores in memory; background hooks are queued in memory instead. Give the builder a "
            + "dataSource, or use the default SQLite store");
      } else {
        try {
          return new DurableDelivery(database, where, async, runner, this::registry, points, watchdog);
        } catch (RuntimeException e) {
          LOG.error("{}. Until then background hooks are queued in memory: a crash loses them", e.getMessage());
        }
      }
    }
    return new MemoryDelivery(new BackgroundRunner(async, watchdog), chain);
  }

  /** Starts building a runtime. */
  public static Builder builder(HookpointConfig config) {
    return new Builder(config);
  }

  /**
   * Loads the hooks and, when configured, starts watching the directory. Unless the builder said otherwise, the
   * runtime also closes itself when the JVM shuts down, so queued background events are drained, not lost.
   */
  public synchronized HookRuntime start() {
    if (!started && closeOnShutdown) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    started = true;
    settings.restore();
    warnAboutOnErrorSettings();
    if (!config.hooks().enabled()) {
      LOG.info("hooks are disabled (hooks.enabled: false); running with no hooks");
      return this;
    }
    if (!Files.isDirectory(hooksDirectory)) {
      LOG.info("no hooks directory at {}; running with no hooks", hooksDirectory);
      return this;
    }
    reload();
    // Only with the hooks loaded: a stored run whose hook is not installed is dropped.
    if (background instanceof DurableDelivery durable) {
      durable.start();
    }
    if (hotReload) {
      try {
        reloader = new HotReloader(hooksDirectory, this::reload);
      } catch (IOException e) {
        LOG.warn("cannot watch {} for changes ({}); restart to pick up new hooks", hooksDirectory, e.getMessage());
      }
    }
    return this;
  }

  /** Scans the directory again and swaps the new set of hooks in whole; answers what is installed now. */
  public synchronized List<InstalledHook> reload() {
    if (!config.hooks().enabled()) {
      return hooks();
    }
    HookRegistry loaded = loader.load(hooksDirectory, dispatcher.registry(), stateStore.disabled());
    // Applied under the dispatcher's lock, as the watchdog's quarantine is: a hook abandoned while the directory
    // was loading is either in the map by now, or quarantined in the new registry right after this swap.
    dispatcher.update(current -> withQuarantine(loaded));
    HookRegistry next = dispatcher.registry();
    LOG.info("loaded {} hook(s) from {}", next.hooks().size(), hooksDirectory);
    return hooks();
  }

  /**
   * Switches one hook on or off, now and (with a persistent state store) after restarts and in the host's other
   * processes. The store is written first: when it fails ({@code StoreException}) nothing is switched.
   */
  public synchronized void setEnabled(String hookId, boolean enabled) {
    HookRegistry current = dispatcher.registry();
    if (current.find(hookId).isEmpty()) {
      throw new IllegalArgumentException("no hook '" + hookId + "'; 'hooks list' shows the ids");
    }
    stateStore.setEnabled(hookId, enabled);
    boolean wasQuarantined = quarantined.remove(hookId) != null;
    dispatcher.swap(current.withEnabled(hookId, enabled));
    if (wasQuarantined) {
      // A quarantined guard was kept in its chain as a failure; only its file can give back the hook itself.
      reload();
    }
  }

  /**
   * The watchdog gave up on a run: the pool replaces its thread, and the hook is switched off until its file
   * changes, an operator switches it on, or the host restarts, so that it cannot take one thread after another.
   * Not synchronized: it runs on the watchdog's thread, which must not wait for a reload or a shutdown.
   */
  private void abandoned(Thread thread, String hookId) {
    RegisteredHook hook = dispatcher.registry().find(hookId).orElse(null);
    if (hook != null) {
      quarantined.put(hookId, hook.sha256());
      dispatcher.update(registry -> quarantine(registry, hookId));
      LOG.error("[{}] switched off: a run did not stop at its time limit; fix it, or switch it on with "
          + "'hooks enable {}'", hookId, hookId);
    }
    // Only now: the new thread must not meet the hook that took the old one.
    background.replace(thread);
  }

  /** Keeps quarantined hooks off in a new registry, unless their content changed. */
  private HookRegistry withQuarantine(HookRegistry next) {
    for (Map.Entry<String, String> entry : Map.copyOf(quarantined).entrySet()) {
      RegisteredHook hook = next.find(entry.getKey()).orElse(null);
      if (hook == null || !hook.sha256().equals(entry.getValue())) {
        quarantined.remove(entry.getKey());
      } else {
        next = quarantine(next, entry.getKey());
      }
    }
    return next;
  }

  /**
   * Switches a quarantined hook off. A guard (a before_ hook that vetoes on error) stays in its chain instead, as
   * a timeout every run reports without running it: switched off, it would let through every action it guards.
   */
  private HookRegistry quarantine(HookRegistry registry, String hookId) {
    RegisteredHook hook = registry.find(hookId).orElse(null);
    if (hook == null) {
      return registry;
    }
    HookPointDescriptor<?, ?> point = points.get(hook.file().event());
    if (point == null || point.phase() != Phase.BEFORE
        || !config.hooks().vetoesOnError(point.name(), hook.metadata().onError())) {
      return registry.withEnabled(hookId, false);
    }
    return registry.with(hook.failing(HookFailure.timeout("switched off: a run did not stop at its time limit, so "
        + "this guard vetoes without running until its file changes or 'hooks enable " + hookId + "'",
        hook.file().path().toString())));
  }

  /** Operators' on_error settings that name no event, or an event where a veto means nothing, are warned about. */
  private void warnAboutOnErrorSettings() {
    for (String event : config.hooks().onError().keySet()) {
      if (!points.containsKey(event)) {
        LOG.warn("hooks.on_error.{}: {}; the setting has no effect", event,
            UnknownEvent.message(event, points.keySet()));
      } else if (points.get(event).phase() != Phase.BEFORE) {
        LOG.warn("hooks.on_error.{}: only before_ events can be vetoed; the setting has no effect", event);
      }
    }
  }

  /** The names of every known event, for the wording of an unknown one. */
  java.util.Set<String> eventNames() {
    return points.keySet();
  }

  /** Loads hook files the way the live registry does; {@link HookTester} and {@link HookCheck} load with it too. */
  RegistryLoader loader() {
    return loader;
  }

  /** Runs one hook with the runtime's limits and records the run; {@link HookTester}'s dry runs go through it. */
  HookRunner runner() {
    return runner;
  }

  /** {@code hooks.lock} in the hooks directory, which {@link HookCheck} writes. */
  HookLock lock() {
    return lock;
  }

  /** Which hooks operators switched off; a fresh scan honours them as the live registry does. */
  public HookStateStore stateStore() {
    return stateStore;
  }

  public HookDispatcher dispatcher() {
    return dispatcher;
  }

  /** Every discovered hook, enabled or not, by event and run order. */
  public List<InstalledHook> hooks() {
    return dispatcher.registry().hooks().stream().map(InstalledHook::of).toList();
  }

  /** One hook by its id, e.g. {@code before_media_added/01_guard.lua}. */
  public Optional<InstalledHook> hook(String id) {
    return dispatcher.registry().find(id).map(InstalledHook::of);
  }

  /**
   * Tells {@code listener} about every run from now on, once it is recorded: a dashboard or a metrics registry
   * subscribes here. Called on the run's thread; keep it quick.
   */
  public void listen(RunListener listener) {
    runner.listen(listener);
  }

  /** The live registry, for the runtime's own packages' tests. */
  HookRegistry registry() {
    return dispatcher.registry();
  }

  /** The configuration the host started with: its file and environment. */
  public HookpointConfig config() {
    return config;
  }

  /** The configuration in effect: {@link #config()} with the operator's changes of {@link #LIVE_SETTINGS}. */
  public HookpointConfig effectiveConfig() {
    return settings.effective();
  }

  /** What the operator changed while the host runs, by key (e.g. {@code hooks.default_timeout_ms}), as given. */
  public Map<String, String> settingOverrides() {
    return settings.overrides();
  }

  /**
   * Changes settings of {@link #LIVE_SETTINGS} from the next run on. They are kept in the state store, so they hold
   * after a restart (with a persistent store; the configuration file is not written) until changed back. The values
   * are parsed as their keys' types and checked, with the changes made before, by the same rules as the file; a bad
   * one changes nothing.
   *
   * @param values e.g. {@code hooks.default_timeout_ms} = {@code "8000"}; an empty value goes back to the file's
   * @return the configuration now in effect
   * @throws IllegalArgumentException naming each key that cannot change while the host runs, or each bad value and
   *     why (the configuration file's message)
   * @throws dev.hookpoint.runtime.history.StoreException when the store cannot keep them; nothing changed then
   */
  public HookpointConfig overrideSettings(Map<String, String> values) {
    return settings.change(values);
  }

  public Path hooksDirectory() {
    return hooksDirectory;
  }

  /** Every known hook point, sorted by name. */
  public List<HookPointDescriptor<?, ?>> hookPoints() {
    return points.values().stream().sorted(java.util.Comparator.comparing(HookPointDescriptor::name))
        .collect(Collectors.toList());
  }

  public Optional<HookPointDescriptor<?, ?>> hookPoint(String name) {
    return Optional.ofNullable(points.get(name));
  }

  public RunStore runStore() {
    return runStore;
  }

  /**
   * Why the runtime keeps its stores in memory although the host asked for a database (the default file, or
   * {@link Builder#dataSource}): the database could not be used at start. Empty when the stores are as asked.
   */
  public Optional<StoreException> storeProblem() {
    return stores.problem();
  }

  /** The sandbox process hooks run in; empty when the runtime has no process executor. */
  public Optional<ProcessSandbox> processSandbox() {
    return executors.stream().filter(dev.hookpoint.runtime.process.ProcessExecutor.class::isInstance)
        .map(executor -> ((dev.hookpoint.runtime.process.ProcessExecutor) executor).sandbox()).findFirst();
  }

  public HookMetrics metrics() {
    return metrics;
  }

  /** How background events are delivered, as {@code hooks.async.delivery} and the stores chose; for tests. */
  BackgroundDelivery delivery() {
    return background;
  }

  /** What the background runner has done so far, and what is queued now. */
  public BackgroundStats backgroundStats() {
    return background.stats();
  }

  /**
   * Stores the background events this thread fires, until the answer is closed, through the host's own
   * {@code connection}, in its transaction: with durable delivery an event then exists if and only if the host's
   * action commits, and is picked at the next poll after the commit ({@code hooks.async.poll_interval_ms}). A
   * failure to store is then thrown to the host (so it rolls back) instead of recorded {@code lost}. The
   * connection must be on the runtime's database; Hookpoint never commits, rolls back or closes it. With memory
   * delivery events are queued at once, as without it.
   *
   * <pre>{@code
   * connection.setAutoCommit(false);
   * try (EventTransaction events = hooks.storeEventsIn(connection)) {
   *   media.add(item); // its on_media_added is stored through connection
   * }
   * connection.commit();
   * }</pre>
   */
  public EventTransaction storeEventsIn(java.sql.Connection connection) {
    return new EventTransaction(Objects.requireNonNull(connection, "connection"));
  }

  /**
   * Whether a run is the last attempt of a dead durable background run, kept so that {@link #runAgain} can store
   * it again (the dashboard shows its "Run again" button then).
   */
  public boolean canRunAgain(String runId) {
    return background.canRunAgain(runId);
  }

  /**
   * Stores a dead durable background run again, once its cause is fixed: a fresh series of attempts
   * ({@code context.attempt} from 1, up to {@code hooks.async.retries}) with the same {@code event_id}, picked at
   * once. Each dead run can run again once; if that ends dead too, its new last run can.
   *
   * @throws IllegalArgumentException when no such dead run is kept, with the reason
   */
  public void runAgain(String runId) {
    background.runAgain(runId);
  }

  /**
   * Stops watching, drains background events up to {@code hooks.async.drain_timeout_ms} (recording what is left
   * as lost), writes the runs its own store still has queued, and closes the executors. Called twice, or from the
   * JVM's shutdown and the host at once, it closes once; the second caller waits until the first is done.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (started && closeOnShutdown && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is shutting down; its hook will find the runtime closed.
      }
    }
    if (reloader != null) {
      reloader.close();
    }
    background.close();
    // After the drain, whose runs (and lost ones) are recorded too.
    stores.close();
    watchdog.close();
    executors.forEach(HookExecutor::close);
  }

  /** Builds a {@link HookRuntime}. */
  public static final class Builder {
    private final HookpointConfig config;
    private Path baseDirectory = Path.of("").toAbsolutePath();
    private List<HookPointDescriptor<?, ?>> points;
    private final List<HookExecutor> executors = new ArrayList<>();
    private final List<FileCheck> checks = new ArrayList<>();
    private RunStore runStore;
    private HookStateStore stateStore;
    private DataSource dataSource;
    private boolean inMemoryStores;
    private Map<String, Object> settings = Map.of();
    private Boolean hotReload;
    private boolean closeOnShutdown = true;
    /** Shared with the runtime it builds, so that the shipped executors read the live timeouts. */
    private final java.util.concurrent.atomic.AtomicReference<HookpointConfig> live;

    private Builder(HookpointConfig config) {
      this.config = config;
      this.live = new java.util.concurrent.atomic.AtomicReference<>(config);
    }

    /**
     * What a relative {@code hooks.directory} and {@code store.path} are relative to; the process's working
     * directory by default.
     */
    public Builder baseDirectory(Path baseDirectory) {
      this.baseDirectory = baseDirectory.toAbsolutePath();
      return this;
    }

    /** The hook points; by default every catalog {@link java.util.ServiceLoader} finds. */
    public Builder hookPoints(List<HookPointDescriptor<?, ?>> points) {
      this.points = List.copyOf(points);
      return this;
    }

    /** Adds an executor; the first whose {@link HookExecutor#handles} says yes runs a file. */
    public Builder executor(HookExecutor executor) {
      executors.add(executor);
      return this;
    }

    /**
     * Adds the executors Hookpoint ships, configured from the configuration: Lua for {@code .lua} files, and
     * processes for every other (executable) file.
     */
    public Builder standardExecutors() {
      executors.add(new dev.hookpoint.runtime.lua.LuaExecutor(config.hooks()));
      executors.add(new dev.hookpoint.runtime.process.ProcessExecutor(config.hooks(),
          () -> live.get().hooks().processTimeoutMs()));
      return this;
    }

    /** Adds a check every hook file passes, once read and before its executor loads it. */
    public Builder fileCheck(FileCheck check) {
      checks.add(check);
      return this;
    }

    /**
     * Where runs are recorded, instead of the default (a JDBC store on {@link #dataSource}, or SQLite beside the
     * hooks).
     */
    public Builder runStore(RunStore runStore) {
      this.runStore = runStore;
      return this;
    }

    /** Where hook switches are kept, instead of the default (as for {@link #runStore}). */
    public Builder stateStore(HookStateStore stateStore) {
      this.stateStore = stateStore;
      return this;
    }

    /**
     * Keeps hook switches and runs (unless {@link #runStore}/{@link #stateStore} say otherwise) in the host's
     * database, in Hookpoint's own tables ({@code hookpoint_*}), created and migrated on build. Without it the
     * default is one SQLite file, {@code store.path} or {@code <hooks directory>.db} beside the hooks directory.
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /**
     * Keeps switches and runs in memory only, for tests and one-off tools: the {@code hooks} command then says
     * that a switch does not last and that other processes' runs are not visible.
     */
    public Builder inMemoryStores() {
      this.inMemoryStores = true;
      return this;
    }

    /** Settings every event's {@code context.settings} carries. */
    public Builder settings(Map<String, Object> settings) {
      this.settings = Map.copyOf(settings);
      return this;
    }

    /** Overrides {@code hooks.hot_reload}. */
    public Builder hotReload(boolean hotReload) {
      this.hotReload = hotReload;
      return this;
    }

    /**
     * Whether the runtime closes itself on JVM shutdown (default {@code true}); hosts that close it themselves at
     * the right moment may turn it off.
     */
    public Builder closeOnShutdown(boolean closeOnShutdown) {
      this.closeOnShutdown = closeOnShutdown;
      return this;
    }

    public HookRuntime build() {
      if (points == null) {
        points = HookCatalog.loadAll(Thread.currentThread().getContextClassLoader());
      }
      return new HookRuntime(this);
    }
  }
}
