package dev.hookpoint.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks data that hooks may change: a record component of a host data type, or a parameter of a
 * {@link HookPoint} method. Anything not marked is read-only for hooks, and a hook that tries to change it gets a
 * data error naming the keys it may change.
 *
 * <p>On a record-typed component or parameter, every component of that record becomes changeable, and hooks may
 * change any subset of them. On a record component, it applies wherever the record is part of an event's
 * changeable data: the arguments of {@code before_*} events and the result of synchronous {@code after_*} events.
 *
 * <pre>{@code
 * public record MediaItem(long id, String title, @Changeable String qualityProfile,
 *                         @Changeable SearchSettings searchSettings) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Changeable {}
