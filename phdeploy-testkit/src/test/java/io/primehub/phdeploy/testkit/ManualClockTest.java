package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void standsStillUntilMovedAndTellsItsListenersOfEveryMove() {
    ManualClock clock = ManualClock.at(START);
    List<Instant> heard = new ArrayList<>();
    Consumer<Instant> listener = heard::add;
    clock.addListener(listener);

    assertThat(clock.instant()).isEqualTo(START);
    clock.advance(Duration.ofSeconds(30));
    clock.set(START.minusSeconds(5));
    clock.removeListener(listener);
    clock.advance(Duration.ofSeconds(1));

    assertThat(heard).containsExactly(START.plusSeconds(30), START.minusSeconds(5));
    assertThat(clock.instant()).isEqualTo(START.minusSeconds(4));
    assertThat(clock.millis()).isEqualTo(START.minusSeconds(4).toEpochMilli());
  }

  @Test
  void aCopyInAnotherZoneSharesTheTimeAndTheListeners() {
    ManualClock clock = ManualClock.at(START);
    Clock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));
    List<Instant> heard = new ArrayList<>();
    ((ManualClock) tokyo).addListener(heard::add);

    clock.advance(Duration.ofMinutes(1));

    assertThat(tokyo.instant()).isEqualTo(START.plusSeconds(60));
    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(heard).containsExactly(START.plusSeconds(60));
    assertThat(tokyo).isNotEqualTo(clock);
    assertThat(clock.withZone(clock.getZone())).isEqualTo(clock);
  }

  @Test
  void refusesToGoBackwardsByAdvancing() {
    assertThatThrownBy(() -> ManualClock.at(START).advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
