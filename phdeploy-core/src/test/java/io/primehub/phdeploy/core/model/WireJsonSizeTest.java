package io.primehub.phdeploy.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sizes count the JSON the API server stores, which Go writes with {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 escaped, while the canonical bytes, on which fingerprints rest,
 * stay as they are.
 */
class WireJsonSizeTest {

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("plain letters", "spam", 6, 6),
        Arguments.of("an ampersand", "a&b", 10, 5),
        Arguments.of("angle brackets", "<b>", 15, 5),
        Arguments.of("a line separator", "a\u2028b", 10, 7),
        Arguments.of("a paragraph separator", "\u2029", 8, 5),
        Arguments.of("a two-byte letter", "\u00e9", 4, 4),
        Arguments.of("a control character", "\u0001", 8, 8),
        Arguments.of("a record's nested maps, keys out of order", record(), 260, 242));
  }

  /** A history record as a client reads it: nested maps and lists, numbers, escapes. */
  private static Map<String, Object> record() {
    Map<String, Object> predictor = new LinkedHashMap<>();
    predictor.put("replicas", 2);
    predictor.put("name", "predictor0");
    predictor.put("modelImage", "spam:1 <&> \u2028 \u00e9");
    predictor.put("metadata", Map.of("notes", "line\nbreak \"quoted\""));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("predictors", List.of(predictor));
    spec.put("displayName", "spam classifier");
    spec.put("stop", false);
    spec.put("ratio", 0.25);
    spec.put("missing", null);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("time", "2026-01-02T03:04:05Z");
    record.put("spec", spec);
    return record;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void countsTheBytesAsTheApiServerStoresThem(
      String label, Object value, int storedBytes, int canonicalBytes) {
    assertThat(WireJson.byteSize(value)).isEqualTo(storedBytes);
    assertThat(WireJson.bytes(value)).hasSize(canonicalBytes);
  }
}
