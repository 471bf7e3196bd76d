package dev.hookpoint.runtime.contract;

import java.util.Map;

/**
 * Turns the {@code changes} a hook returned into the event's typed changes record. Generated; never reflective.
 *
 * @param <C> the changes record
 */
@FunctionalInterface
public interface ChangesDecoder<C> {

  /**
   * Validates and decodes.
   *
   * @throws HookDataException naming the offending key, the expected type and the allowed keys
   */
  C decode(Map<String, ?> changes);
}
