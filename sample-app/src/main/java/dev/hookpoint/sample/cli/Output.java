package dev.hookpoint.sample.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hookpoint.runtime.executor.HookLog;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** JSON as the app prints and serves it: snake_case keys, like the hooks see, and lower-case enums. */
public final class Output {

  public static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private Output() {}

  /**
   * Text from the database or a hook as a terminal line shows it: hooks may have set it, so its control characters
   * are escaped ({@code \\n}, {@code \\u001b}) and cannot move the cursor, clear the screen or fake a line.
   */
  static String shown(Object text) {
    return HookLog.escape(String.valueOf(text));
  }

  static void print(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
