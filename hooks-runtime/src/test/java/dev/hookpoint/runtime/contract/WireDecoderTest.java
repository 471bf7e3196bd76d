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

  @Test
  void unknownKeysAreRejectedWithTheAllowedOnes() {
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.object(Map.of("titel", "x"), "media", List.of("title", "year")));
    assertEquals("media.titel", error.key());
    assertEquals(List.of("title", "year"), error.allowedKeys());
    assertEquals("unknown key 'media.titel': hooks may change only title, year", error.getMessage());
  }

  @Test
  void objectsWithNoChangeableKeysSayNothingMayChange() {
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.object(Map.of("title", "x"), "", List.of()));
    assertEquals("unknown key 'title': hooks may change nothing here", error.getMessage());
  }

  @Test
  void integersAcceptWholeNumbersFromLuaAndJson() {
    assertEquals(3, WireDecoder.int32(3.0, "n"));
    assertEquals(3, WireDecoder.int32(3L, "n"));
    assertEquals(Long.MAX_VALUE, WireDecoder.int64(new BigDecimal(Long.MAX_VALUE), "n"));
  }

  @Test
  void integersRejectFractionsOverflowAndNonNumbers() {
    assertEquals("'n' must be an integer, got number 3.5",
        assertThrows(HookDataException.class, () -> WireDecoder.int32(3.5, "n")).getMessage());
    assertThrows(HookDataException.class, () -> WireDecoder.int32(1L << 40, "n"));
    assertThrows(HookDataException.class, () -> WireDecoder.int32(Double.NaN, "n"));
    assertThrows(HookDataException.class, () -> WireDecoder.int32(Double.POSITIVE_INFINITY, "n"));
    assertThrows(HookDataException.class, () -> WireDecoder.int64(1e300, "n"));
    assertThrows(HookDataException.class, () -> WireDecoder.int32("3", "n"));
    assertThrows(HookDataException.class, () -> WireDecoder.int8(200, "n"));
  }

  @Test
  void numbersMustBeFinite() {
    assertThrows(HookDataException.class, () -> WireDecoder.float64(Double.NaN, "x"));
    assertThrows(HookDataException.class, () -> WireDecoder.float32(1e300, "x"));
    assertEquals(1.5, WireDecoder.float64(1.5f, "x"));
  }

  @Test
  void nullIsNeverAValueAndTheMessageSaysHowToKeepOne() {
    HookDataException error = assertThrows(HookDataException.class, () -> WireDecoder.string(null, "title"));
    assertEquals("'title' must be a string, got null; leave the key out to keep the current value",
        error.getMessage());
  }

  @Test
  void enumsMatchLowerCaseNamesAndListTheChoices() {
    assertEquals(Kind.TV_SHOW, WireDecoder.enumConstant("tv_show", "type", Kind.values()));
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.enumConstant("series", "type", Kind.values()));
    assertEquals("'type' must be one of [movie, tv_show], got string 'series'", error.getMessage());
  }

  @Test
  void listsDecodeEveryElementAndNameTheBadOneFromOne() {
    assertEquals(List.of("a", "b"), WireDecoder.list(List.of("a", "b"), "groups", WireDecoder::string));
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.list(Arrays.asList("a", 2), "groups", WireDecoder::string));
    assertEquals("groups[2]", error.key());
  }

  @Test
  void mapsNeedStringKeys() {
    assertEquals(Map.of("a", 1), WireDecoder.map(Map.of("a", 1L), "m", WireDecoder::int32));
    assertThrows(HookDataException.class, () -> WireDecoder.map(Map.of(1, 1), "m", WireDecoder::int32));
  }

  @Test
  void datesParseOrSayWhatIsExpected() {
    assertEquals(Instant.parse("2025-11-05T12:00:00Z"), WireDecoder.instant("2025-11-05T12:00:00Z", "t"));
    HookDataException error = assertThrows(HookDataException.class, () -> WireDecoder.instant("yesterday", "t"));
    assertTrue(error.getMessage().contains("ISO-8601 instant"), error.getMessage());
  }

  @Test
  void longGarbageIsShortenedInMessages() {
    String garbage = "x".repeat(10_000);
    HookDataException error = assertThrows(HookDataException.class, () -> WireDecoder.int32(garbage, "n"));
    assertTrue(error.getMessage().length() < 200, error.getMessage());
  }

  @Test
  void requiredKeysOfWholeRecordsAreNamed() {
    HookDataException error = assertThrows(HookDataException.class,
        () -> WireDecoder.require(Map.of(), "score", "releases[1]"));
    assertEquals("'releases[1].score' is required here", error.getMessage());
  }
}
