package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureBackoffTest {

  private final FailureBackoff<String> backoff =
      new FailureBackoff<>(Duration.ofMillis(100), Duration.ofSeconds(10));

  @Test
  void delaysGrowExponentiallyWithJitterUpToTheCap() {
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      delays.add(backoff.nextDelay("hub/a"));
    }

    assertThat(delays.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
    assertThat(delays.get(3)).isBetween(Duration.ofMillis(400), Duration.ofMillis(1200));
    assertThat(delays).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(10)));
    assertThat(delays.get(11)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.failures("hub/a")).isEqualTo(12);
  }

  @Test
  void forgettingAKeyStartsItsBackoffAgainAndKeysAreIndependent() {
    for (int i = 0; i < 6; i++) {
      backoff.nextDelay("hub/a");
    }
    backoff.forget("hub/a");

    assertThat(backoff.failures("hub/a")).isZero();
    assertThat(backoff.nextDelay("hub/a")).isLessThanOrEqualTo(Duration.ofMillis(150));
    assertThat(backoff.nextDelay("hub/b")).isLessThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void jitterSpreadsKeysThatFailTogether() {
    List<Duration> firstRetries = new ArrayList<>();
    for (int k = 0; k < 50; k++) {
      for (int i = 0; i < 4; i++) {
        backoff.nextDelay("hub/d" + k);
      }
      firstRetries.add(backoff.nextDelay("hub/d" + k));
    }
    assertThat(firstRetries.stream().distinct().count()).isGreaterThan(10);
  }
}
