package dev.hookpoint.runtime;

import dev.hookpoint.runtime.discovery.EventNames;
import java.util.Collection;

/** The one wording for a name that is no event, shared by {@code hooks test} and the on_error settings' warning. */
final class UnknownEvent {

  private UnknownEvent() {}

  /** Why {@code name} is not an event, with the closest of {@code events} when one is close. */
  static String message(String name, Collection<String> events) {
    return "'" + name + "' is not an event" + EventNames.suggest(name, events)
        .map(suggestion -> "; did you mean '" + suggestion + "'?").orElse("; 'hooks events' lists them");
  }
}
