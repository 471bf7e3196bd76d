package dev.hookpoint.runtime;

/**
 * The context of events fired on the current thread: who triggered them, and whether hooks run as a dry run.
 * Hosts bind it around a user's request; events fired outside any binding get the runtime's default context.
 *
 * <pre>{@code
 * try (HookContexts.Scope scope = HookContexts.bind(HookContext.system().withUser(userId))) {
 *   library.add(media);
 * }
 * }</pre>
 */
public final class HookContexts {

  private static final ThreadLocal<HookContext> CURRENT = new ThreadLocal<>();

  private HookContexts() {}

  /** Binds a context to the current thread until the scope closes; scopes nest. */
  public static Scope bind(HookContext context) {
    HookContext previous = CURRENT.get();
    CURRENT.set(context);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** The context bound to the current thread, or {@code fallback}. */
  public static HookContext current(HookContext fallback) {
    HookContext context = CURRENT.get();
    return context == null ? fallback : context;
  }

  /** A binding; closing it restores the previous context. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
