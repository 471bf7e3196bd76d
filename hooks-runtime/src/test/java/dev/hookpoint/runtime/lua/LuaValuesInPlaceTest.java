package dev.hookpoint.runtime.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/** A result read in place is, to whoever reads it, the very data a copy would have been; its errors are the copy's. */
class LuaValuesInPlaceTest {

  private static LuaValue lua(String expression) {
    return JsePlatform.standardGlobals().load("return " + expression).call();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ modified = true, changes = { media_item = { quality_profile = 'Anime', groups = { 'a', 'b' },"
          + " settings = { prefer_subbed = true, ratio = 1.5, whole = 3.0, count = 7 } } }, message = 'm' }",
      "{ }",
      "{ { x = 1 }, { y = { } }, 'three' }",
      "'just a string'",
      "42",
      "nil",
  })
  void readsAsTheCopy(String expression) {
    LuaValue value = lua(expression);
    Object copy = LuaValues.toJava(value, "the result");
    Object inPlace = LuaValues.readInPlace(value, "the result");
    assertEquals(copy, inPlace);
    assertEquals(inPlace, copy);
    assertEquals(String.valueOf(copy), String.valueOf(inPlace));
    if (copy != null) {
      assertEquals(copy.hashCode(), inPlace.hashCode());
    }
  }

  @Test
  void readsKeysInTheCopysOrderAndAnswersLikeAMap() {
    LuaValue value = lua("{ a = 1, b = { 1, 2 }, c = 'x', d = false }");
    Map<?, ?> copy = (Map<?, ?>) LuaValues.toJava(value, "the result");
    Map<?, ?> inPlace = (Map<?, ?>) LuaValues.readInPlace(value, "the result");
    assertEquals(new ArrayList<>(copy.keySet()), new ArrayList<>(inPlace.keySet()));
    assertEquals(new ArrayList<>(copy.entrySet()), new ArrayList<>(inPlace.entrySet()));
    assertEquals(4, inPlace.size());
    assertEquals(true, inPlace.containsKey("d"));
    assertEquals(false, inPlace.containsKey("e"));
    assertEquals(null, inPlace.get("e"));
    assertEquals(null, inPlace.get(1));
    assertEquals(List.of(1L, 2L), inPlace.get("b"));
    assertThrows(IndexOutOfBoundsException.class, () -> ((List<?>) inPlace.get("b")).get(2));
    assertThrows(UnsupportedOperationException.class, () -> ((Map<Object, Object>) inPlace).put("f", 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ changes = { media_item = { title = function() end } } }",
      "(function() local t = { }; t.self = t; return { changes = t } end)()",
      "{ changes = { [true] = 1 } }",
      "{ changes = { 1, 2, x = 3 } }",
      "{ metadata = { print }, changes = { a = coroutine.create(print) } }",
      "(function() local t = { }; for i = 1, 40 do t = { t } end; return t end)()",
  })
  void failsAsTheCopyDoes(String expression) {
    LuaValue value = lua(expression);
    var copy = assertThrows(LuaValues.ConversionException.class, () -> LuaValues.toJava(value, "the result"));
    var inPlace = assertThrows(LuaValues.ConversionException.class,
        () -> LuaValues.readInPlace(value, "the result"));
    assertEquals(copy.getMessage(), inPlace.getMessage());
  }

  /** A weak table may lose its values whenever the collector runs, so a result with a metatable is copied. */
  @Test
  void copiesAResultWithAMetatable() {
    LuaValue value = lua("{ changes = setmetatable({ a = { } }, { __mode = 'v' }) }");
    Object result = LuaValues.readInPlace(value, "the result");
    assertInstanceOf(LinkedHashMap.class, result);
    assertInstanceOf(LinkedHashMap.class, ((Map<?, ?>) result).get("changes"));
  }
}
