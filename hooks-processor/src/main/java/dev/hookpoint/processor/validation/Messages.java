package dev.hookpoint.processor.validation;

import dev.hookpoint.processor.model.UnsupportedPayloadException;

/**
 * Every message the processor prints, phrased as the rule that was broken and the fix. Tagged so that users can
 * search for them.
 */
final class Messages {

  private Messages() {}

  static String badEventName(String name) {
    return "[hookpoint:event-name] @HookPoint event names must match (before|after|on)_lower_snake_case, "
        + "e.g. before_media_added; got '" + name + "'";
  }

  static String duplicateOnMethod(String name) {
    return "[hookpoint:duplicate] @HookPoint(\"" + name + "\") appears twice on this method; remove one";
  }

  static String methodModifier(String modifier) {
    return "[hookpoint:method] @HookPoint methods cannot be " + modifier
        + ": the generated wrapper overrides the method to run hooks around it; remove '" + modifier + "'";
  }

  static String genericMethod() {
    return "[hookpoint:method] @HookPoint methods cannot have type parameters: hooks need a concrete payload "
        + "type; declare concrete types";
  }

  static String notInClass(String kind) {
    return "[hookpoint:class] @HookPoint methods must be declared in a class, not in a " + kind
        + ": the generated wrapper is a subclass";
  }

  static String finalClass(String name) {
    return "[hookpoint:class] " + name + " has @HookPoint methods, so it cannot be final: Hookpoint generates "
        + "the subclass Hooked" + name + " that runs the hooks; remove 'final'";
  }

  static String privateClass(String name) {
    return "[hookpoint:class] " + name + " has @HookPoint methods, so it cannot be private: the generated "
        + "wrapper must extend it; make it package-private or public";
  }

  static String innerClass(String name) {
    return "[hookpoint:class] " + name + " has @HookPoint methods, so it must be a top-level or static nested "
        + "class: the generated wrapper must extend it; add 'static'";
  }

  static String genericClass(String name) {
    return "[hookpoint:class] " + name + " has @HookPoint methods, so it cannot have type parameters: hooks "
        + "need concrete payload types";
  }

  static String noConstructor(String name) {
    return "[hookpoint:class] " + name + " has @HookPoint methods but only private constructors: the generated "
        + "wrapper must call one; make a constructor package-private or public";
  }

  static String asyncBefore(String name) {
    return "[hookpoint:mode] " + name + " cannot be ASYNC: before_ hooks decide whether the call goes ahead, so "
        + "they always run synchronously; remove mode = ASYNC";
  }

  static String syncOn(String name) {
    return "[hookpoint:mode] " + name + " cannot be SYNC: on_ events are notifications and always run in the "
        + "background; use an after_ name for hooks that may change the result";
  }

  static String resultOnBefore(String name) {
    return "[hookpoint:result] " + name + " names a result, but before_ hooks run before there is one; "
        + "remove result";
  }

  static String badResultName(String result) {
    return "[hookpoint:result] result names must be lower_snake_case, e.g. search_results; got '" + result + "'";
  }

  static String unnamedResult(String name, String type) {
    return "[hookpoint:result] " + name + " needs a name for the method's result of type " + type
        + ": add result = \"...\", e.g. @HookPoint(value = \"" + name + "\", result = \"results\")";
  }

  static String reservedName(String field) {
    return "[hookpoint:payload] '" + field + "' is part of every event's envelope (event, timestamp, context); "
        + "rename the parameter or set result = \"...\"";
  }

  static String clashingNames(String event, String field, String first, String second) {
    return "[hookpoint:payload] " + event + ": two values of this event are both named '" + field
        + "' on the wire, " + first + " and " + second + "; rename a parameter or set result = \"...\"";
  }

  static String clashingEnvVars(String event, String variable, String first, String second) {
    return "[hookpoint:payload] " + event + ": " + first + " and " + second + " are both " + variable
        + " for process hooks, which would get only one of them; rename one";
  }

  static String changeableHasNoEffect(String parameter, String events) {
    return "[hookpoint:changeable] @Changeable on '" + parameter + "' has no effect: hooks change only the "
        + "arguments of before_ events and the result of synchronous after_ events, and this method fires "
        + events + "; remove @Changeable";
  }

  static String persistNotAfter(String name) {
    return "[hookpoint:persist] " + name + " has persist, but only synchronous after_ hooks change a result "
        + "that needs storing; remove persist";
  }

  static String persistVoid(String name) {
    return "[hookpoint:persist] " + name + " has persist, but the method returns nothing for hooks to change; "
        + "remove persist";
  }

  static String persistMissing(String name, String persist, String resultType) {
    return "[hookpoint:persist] " + name + " names persist = \"" + persist + "\", but the class has no "
        + "non-private, non-static method " + persist + "(" + resultType + ") returning " + resultType
        + " or void; add it or fix the name";
  }

  private static final String SUPPORTED = "use a String, a number, a boolean, an enum, a java.time type, a UUID, "
      + "a List or Map<String, ...> of those, or a record made of them";

  static String unsupported(UnsupportedPayloadException e) {
    String where = e.where();
    String type = e.type();
    return "[hookpoint:payload] " + switch (e.reason()) {
      case NOT_A_PAYLOAD -> where + " has type " + type + ", which cannot be turned into a hook payload; "
          + SUPPORTED;
      case NON_STRING_KEYS -> where + " has type " + type
          + "; payload maps travel as objects, so their keys must be String";
      case RAW_TYPE -> where + " is a raw type " + type + "; declare its type arguments";
      case WILDCARD -> where + " has type " + type
          + "; wildcards and type variables cannot be turned into a payload, name the type itself";
      case GENERIC_RECORD -> where + " has the generic record type " + type
          + "; payload records cannot have type parameters";
      case RECURSIVE_RECORD -> where + " has type " + type
          + ", which contains itself; payloads are trees, so records cannot be recursive";
      case NOT_VISIBLE -> where + " has type " + type + ", which generated code in package " + e.detail()
          + " cannot see; make it public";
      case EXAMPLE_NOT_SCALAR -> "@Example on '" + where + "' of type " + type
          + ": examples are for scalar values only; remove it";
      case EXAMPLE_DOES_NOT_PARSE -> "@Example(\"" + e.detail() + "\") on '" + where + "' does not parse as "
          + type + "; give a value of that type";
    };
  }

  static String unresolved(String method) {
    return "[hookpoint:unresolved] the parameter or result types of " + method
        + "() could not be resolved; fix the compile errors reported for them first";
  }

  static String differentData(String name, String otherSource) {
    return "[hookpoint:duplicate] " + name + " is also declared by " + otherSource
        + " with different data; an event has one payload, so give one of them another name or the same "
        + "parameters and result";
  }

  static String internal(String type, RuntimeException e) {
    return "[hookpoint:internal] generating hooks for " + type + " failed: " + e
        + "; please report this with the class";
  }
}
