package dev.hookpoint.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A realistic example value for a scalar record component or parameter, used in the generated example payload
 * that hook authors read in the docs and test their hooks on. It must parse as the element's type (a number for
 * numbers, {@code true}/{@code false} for booleans, a constant for enums).
 *
 * <pre>{@code
 * public record NewMedia(@Example("Attack on Titan") String title, @Example("2013") Integer year) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Example {

  /** The example value, written as it would appear in JSON without quotes. */
  String value();
}
