package dev.hookpoint.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a lifecycle event that users can hook with their own scripts.
 *
 * <p>The annotation processor generates, for each event, a typed event record (the hook's input), a typed
 * changes record (what a hook may change), a dispatch wrapper subclass of the annotated class that runs the hook
 * chain around the method, a catalog entry and per-event docs for hook authors.
 *
 * <p>The event name's prefix decides when hooks run:
 * <ul>
 *   <li>{@code before_*}: synchronously, before the method; hooks may change the arguments' {@link Changeable}
 *       parts and veto the call by returning {@code halt = true}.
 *   <li>{@code after_*}: synchronously after the method returns (unless {@link #mode()} is {@link Mode#ASYNC});
 *       hooks may change the result's {@link Changeable} parts, and {@link #persist()} names the method that
 *       stores such changes.
 *   <li>{@code on_*}: asynchronously after the method returns; notifications that cannot change anything.
 * </ul>
 *
 * <p>One method may carry several events, e.g. both {@code before_media_added} and {@code after_media_added}.
 *
 * <pre>{@code
 * @HookPoint(value = "before_media_added", description = "Before a media item is created.")
 * @HookPoint(value = "after_media_added", persist = "update")
 * public MediaItem add(NewMedia media) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(HookPoints.class)
public @interface HookPoint {

  /**
   * The event name, {@code (before|after|on)_lower_snake_case}, e.g. {@code before_media_added}. It is the name
   * of the directory users put their hooks in.
   */
  String value();

  /**
   * What the event is and when it fires, for hook authors. Defaults to the method's Javadoc.
   */
  String description() default "";

  /** Whether hooks run on the caller's thread or in the background. */
  Mode mode() default Mode.DEFAULT;

  /**
   * Default timeout in milliseconds for hooks of this event, or {@code -1} for the executor's default. A hook's own
   * metadata may lower or raise it; the runtime always caps it at its configured maximum.
   */
  long timeoutMs() default -1;

  /**
   * For synchronous {@code after_*} events: the name of a method of the same class that stores a result changed
   * by hooks. It takes one parameter of the method's return type and returns that type (the stored value) or
   * {@code void}. The wrapper calls it only when hooks changed the result. Empty: changes are returned to the
   * caller but not stored.
   */
  String persist() default "";

  /**
   * For {@code after_*} and {@code on_*} events of non-void methods: the field name hooks see the result under.
   * Defaults to the snake_case simple name of the return type ({@code MediaItem} becomes {@code media_item}).
   */
  String result() default "";

  /** How hooks of an event run relative to the caller. */
  enum Mode {
    /** {@code before_*} and {@code after_*} run synchronously, {@code on_*} asynchronously. */
    DEFAULT,
    /** On the caller's thread; hooks may change data. Not allowed for {@code on_*} events. */
    SYNC,
    /** In the background; the caller never waits and hooks cannot change data. Not allowed for {@code before_*}. */
    ASYNC
  }
}
