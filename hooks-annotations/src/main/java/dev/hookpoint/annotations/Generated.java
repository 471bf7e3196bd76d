package dev.hookpoint.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type the Hookpoint processor generated. Kept in class files (unlike
 * {@code javax.annotation.processing.Generated}), so coverage and analysis tools such as JaCoCo skip it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Generated {

  /** The processor that wrote the type. */
  String value();

  /** The host element the type was generated from, e.g. {@code com.example.MediaService#add(NewMedia)}. */
  String from() default "";
}
