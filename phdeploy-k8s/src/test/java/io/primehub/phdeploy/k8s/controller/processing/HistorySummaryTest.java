package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistorySummaryTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aSummaryKeepsACopyOfTheSizesInOrderAndEqualsAnotherOfTheSameValues() {
    List<Integer> sizes = new ArrayList<>(List.of(300, 120_000, 7));

    HistorySummary summary = new HistorySummary("f1", T0, sizes);
    sizes.set(0, 1);

    assertThat(summary.recordBytes()).containsExactly(300, 120_000, 7);
    assertThat(summary.count()).isEqualTo(3);
    assertThat(summary).isEqualTo(new HistorySummary("f1", T0, List.of(300, 120_000, 7)))
        .hasSameHashCodeAs(new HistorySummary("f1", T0, List.of(300, 120_000, 7)))
        .isNotEqualTo(new HistorySummary("f1", T0, List.of(300, 120_000)))
        .isNotEqualTo(new HistorySummary("f2", T0, List.of(300, 120_000, 7)));
  }
}
