package dev.hookpoint.cli;

import dev.hookpoint.runtime.executor.HookFailure;
import dev.hookpoint.runtime.history.HookError;
import java.util.LinkedHashMap;
import java.util.Map;

/** Errors as JSON objects: {@code category}, {@code message}, {@code file}, {@code line}. */
final class Errors {

  private Errors() {}

  static Map<String, Object> toMap(HookError error) {
    if (error == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("category", error.category());
    map.put("message", error.message());
    map.put("file", error.file());
    map.put("line", error.line());
    return map;
  }

  static Map<String, Object> toMap(HookFailure failure) {
    return toMap(new HookError(failure.category().wireName(), failure.getMessage(), failure.file(),
        failure.line()));
  }
}
