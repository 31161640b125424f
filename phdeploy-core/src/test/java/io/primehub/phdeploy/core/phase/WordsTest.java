package io.primehub.phdeploy.core.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "PT0S, 0s",
    "PT0.999S, 0s",
    "PT4M59.999999999S, 4m 59s",
    "PT5M, 5m",
    "PT1H30M, 1h 30m",
    "PT1H1M1S, 1h 1m 1s",
    "PT-1S, 0s"
  })
  void durationsReadToTheSecond(String duration, String expected) {
    assertThat(Words.duration(Duration.parse(duration))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"0, pods", "1, pod", "2, pods"})
  void countsAreSingularOnlyForOne(int count, String expected) {
    assertThat(Words.count(count, "pod")).isEqualTo(count + " " + expected);
  }
}
