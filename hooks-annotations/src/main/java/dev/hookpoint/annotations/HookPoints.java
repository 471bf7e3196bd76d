package dev.hookpoint.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Container of repeated {@link HookPoint} annotations; written by the compiler, rarely by hand. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HookPoints {

  /** The repeated hook points. */
  HookPoint[] value();
}
