package dev.hookpoint.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookpoint.runtime.HookDataException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireDecoderTest {

  enum Kind { MOVIE, TV_SHOW }

  private static WirePath at(String key) {
    return WirePath.ROOT.key(key);
  }

  @Test
  void unknownKeysAreRejectedWithTheAllowedOnes() {
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.object(Map.of("titel", "x"), at("media"), List.of("title", "year")));
    assertEquals("media.titel", error.key());
    assertEquals(List.of("title", "year"), error.allowedKeys());
    assertEquals("unknown key 'media.titel': hooks may change only title, year", error.getMessage());
  }

  @Test
  void objectsWithNoChangeableKeysSayNothingMayChange() {
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.object(Map.of("title", "x"), WirePath.ROOT, List.of()));
    assertEquals("unknown key 'title': hooks may change nothing here", error.getMessage());
  }

  @Test
  void integersAcceptWholeNumbersFromLuaAndJson() {
    assertEquals(3, WireDecoder.int32(3.0, at("n")));
    assertEquals(3, WireDecoder.int32(3L, at("n")));
    assertEquals(Long.MAX_VALUE, WireDecoder.int64(new BigDecimal(Long.MAX_VALUE), at("n")));
  }

  @Test
  void integersRejectFractionsOverflowAndNonNumbers() {
    assertEquals("'n' must be an integer, got number 3.5",
        assertThrows(HookDataException.class, () -> WireDecoder.int32(3.5, at("n"))).getMessage());
    assertThrows(HookDataException.class, () -> WireDecoder.int32(1L << 40, at("n")));
    assertThrows(HookDataException.class, () -> WireDecoder.int32(Double.NaN, at("n")));
    assertThrows(HookDataException.class, () -> WireDecoder.int32(Double.POSITIVE_INFINITY, at("n")));
    assertThrows(HookDataException.class, () -> WireDecoder.int64(1e300, at("n")));
    assertThrows(HookDataException.class, () -> WireDecoder.int32("3", at("n")));
    assertThrows(HookDataException.class, () -> WireDecoder.int8(200, at("n")));
  }

  @Test
  void numbersMustBeFinite() {
    assertThrows(HookDataException.class, () -> WireDecoder.float64(Double.NaN, at("x")));
    assertThrows(HookDataException.class, () -> WireDecoder.float32(1e300, at("x")));
    assertEquals(1.5, WireDecoder.float64(1.5f, at("x")));
  }

  @Test
  void nullIsNeverAValueAndTheMessageSaysHowToKeepOne() {
    HookDataException error = assertThrows(HookDataException.class, () -> WireDecoder.string(null, at("title")));
    assertEquals("'title' must be a string, got null; leave the key out to keep the current value",
        error.getMessage());
  }

  @Test
  void enumsMatchLowerCaseNamesAndListTheChoices() {
    assertEquals(Kind.TV_SHOW, WireDecoder.enumConstant("tv_show", at("type"), Kind.values()));
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.enumConstant("series", at("type"), Kind.values()));
    assertEquals("'type' must be one of [movie, tv_show], got string 'series'", error.getMessage());
  }

  @Test
  void listsDecodeEveryElementAndNameTheBadOneFromOne() {
    assertEquals(List.of("a", "b"), WireDecoder.list(List.of("a", "b"), at("groups"), WireDecoder::string));
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.list(Arrays.asList("a", 2), at("groups"), WireDecoder::string));
    assertEquals("groups[2]", error.key());
  }

  @Test
  void mapsNeedStringKeys() {
    assertEquals(Map.of("a", 1), WireDecoder.map(Map.of("a", 1L), at("m"), WireDecoder::int32));
    assertThrows(HookDataException.class, () -> WireDecoder.map(Map.of(1, 1), at("m"), WireDecoder::int32));
  }

  @Test
  void datesParseOrSayWhatIsExpected() {
    assertEquals(Instant.parse("2025-11-05T12:00:00Z"), WireDecoder.instant("2025-11-05T12:00:00Z", at("t")));
    HookDataException error = assertThrows(HookDataException.class, () -> WireDecoder.instant("yesterday", at("t")));
    assertTrue(error.getMessage().contains("ISO-8601 instant"), error.getMessage());
  }

  @Test
  void longGarbageIsShortenedInMessages() {
    String garbage = "x".repeat(10_000);
    HookDataException error = assertThrows(HookDataException.class, () -> WireDecoder.int32(garbage, at("n")));
    assertTrue(error.getMessage().length() < 200, error.getMessage());
  }

  @Test
  void requiredKeysOfWholeRecordsAreNamed() {
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.require(Map.of(), "score", WirePath.ROOT.key("releases").element(1)));
    assertEquals("'releases[1].score' is required here", error.getMessage());
  }

  @Test
  void pathsAreSpelledOnlyAsMessagesNameThem() {
    assertEquals("", WirePath.ROOT.toString());
    assertEquals("media_item", at("media_item").toString());
    assertEquals("media_item.groups[2].score", at("media_item").key("groups").element(2).key("score").toString());
    assertEquals("[1]", WirePath.ROOT.element(1).toString());
  }
}
