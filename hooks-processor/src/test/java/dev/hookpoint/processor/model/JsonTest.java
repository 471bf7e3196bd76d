package dev.hookpoint.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the processor writes is the same in every build. */
class JsonTest {

  @Test
  void mapsWithoutAnOrderOfTheirOwnAreWrittenByKey() {
    Map<String, Object> unordered = Map.of("zeta", 1, "alpha", 2, "mid", Map.of("y", true, "x", false));
    assertEquals("{\n  \"alpha\": 2,\n  \"mid\": {\n    \"x\": false,\n    \"y\": true\n  },\n  \"zeta\": 1\n}",
        Json.pretty(unordered));
  }

  @Test
  void orderedMapsKeepTheirOrder() {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("zeta", 1);
    ordered.put("alpha", 2);
    assertEquals("{\n  \"zeta\": 1,\n  \"alpha\": 2\n}", Json.pretty(ordered));
  }
}
