package io.primehub.phdeploy.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.core.validation.ValidationLimits;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryRingTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private final HistoryRing ring = new HistoryRing(HistoryPolicy.defaults());

  @Test
  void thirtyThreeChangesKeepTheThirtyTwoNewestFirst() {
    List<HistoryRecord> history = List.of();
    for (int i = 1; i <= 33; i++) {
      history = ring.record(history, Specs.serving("spam:" + i), T0.plusSeconds(i));
    }

    assertThat(history).hasSize(32);
    assertThat(history.get(0).spec()).isEqualTo(Specs.serving("spam:33"));
    assertThat(history.get(31).spec()).isEqualTo(Specs.serving("spam:2"));
    assertThat(history).extracting(HistoryRecord::instant)
        .isSortedAccordingTo((a, b) -> b.compareTo(a))
        .startsWith(T0.plusSeconds(33));
  }

  @Test
  void theDefaultBudgetHolds32RecordsOfTheLargestAcceptedSpec() {
    int largestRecord = HistoryRing.byteSize(HistoryRecord.of(
        Instant.parse("2026-12-04T18:14:02.123456789Z"), Specs.serving("spam:1")))
        - WireJson.byteSize(Specs.serving("spam:1")) + ValidationLimits.DEFAULT_MAX_SPEC_BYTES;

    int retained = HistoryRing.retainedCount(largestRecord,
        Collections.nCopies(HistoryPolicy.DEFAULT_MAX_RECORDS - 1, largestRecord),
        HistoryPolicy.defaults());

    assertThat(retained).isEqualTo(HistoryPolicy.DEFAULT_MAX_RECORDS - 1);
  }

  @Test
  void anUnchangedSpecAddsNothing() {
    List<HistoryRecord> history = ring.record(List.of(), Specs.serving("spam:1"), T0);

    List<HistoryRecord> again =
        ring.record(history, Specs.serving("spam:1"), T0.plusSeconds(60));

    assertThat(again).isEqualTo(history);
    assertThat(again.get(0).instant()).isEqualTo(T0);
  }

  @Test
  void aChangeAfterUnchangedOnesAddsOneRecord() {
    List<HistoryRecord> history = List.of();
    for (int i = 0; i < 3; i++) {
      history = ring.record(history, Specs.serving("spam:1"), T0.plusSeconds(i));
    }

    history = ring.record(history, Specs.serving("spam:2"), T0.plusSeconds(10));

    assertThat(history).extracting(HistoryRecord::spec)
        .containsExactly(Specs.serving("spam:2"), Specs.serving("spam:1"));
    assertThat(history.get(0).instant()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void goingBackToAnOlderSpecIsAChange() {
    List<HistoryRecord> history = List.of();
    for (String image : List.of("spam:1", "spam:2", "spam:1")) {
      history = ring.record(history, Specs.serving(image), T0);
    }

    assertThat(history).extracting(HistoryRecord::spec).containsExactly(
        Specs.serving("spam:1"), Specs.serving("spam:2"), Specs.serving("spam:1"));
  }

  @Test
  void aSpecThatWritesTheSameJsonIsNoChange() {
    List<HistoryRecord> history = ring.record(List.of(), Specs.serving("spam:1"), T0);

    assertThat(ring.record(history, Specs.serving("spam:1", ""), T0.plusSeconds(1)))
        .isEqualTo(history);
  }

  @Test
  void theByteBudgetDropsTheOldestFirst() {
    int recordBytes = HistoryRing.byteSize(HistoryRecord.of(T0, bigSpec(0)));
    HistoryRing small = new HistoryRing(new HistoryPolicy(32, 3 * recordBytes));

    List<HistoryRecord> history = List.of();
    for (int i = 1; i <= 5; i++) {
      history = small.record(history, bigSpec(i), T0.plusSeconds(i));
    }

    assertThat(history).extracting(HistoryRecord::spec)
        .containsExactly(bigSpec(5), bigSpec(4), bigSpec(3));
  }

  @Test
  void aNewRecordOverTheBudgetIsKeptAlone() {
    HistoryRing tiny = new HistoryRing(new HistoryPolicy(32, 10));

    List<HistoryRecord> history = tiny.record(List.of(), Specs.serving("spam:1"), T0);
    history = tiny.record(history, Specs.serving("spam:2"), T0.plusSeconds(1));

    assertThat(history).extracting(HistoryRecord::spec)
        .containsExactly(Specs.serving("spam:2"));
  }

  @Test
  void theRecordedHistoryCannotBeModified() {
    List<HistoryRecord> history = ring.record(List.of(), Specs.serving("spam:1"), T0);

    assertThat(history).isUnmodifiable();
  }

  @ParameterizedTest(name = "new {0} B, existing [{1}], at most {2} records and {3} B: {4} kept")
  @CsvSource({
    "10, '',                 32, 100,        0",
    "10, 10 10 10,           32, 100,        3",
    "10, 10 10 10,            3, 100,        2",
    "10, 10 10 10,            1, 100,        0",
    "10, 30 30 30,           32,  70,        2",
    "10, 30 30 30,           32,  69,        1",
    "100, 1 1,               32,  50,        0",
    "10, 5 100 5,            32,  50,        1",
    "0, 0 0,                 32,   0,        2",
    "10, 2147483647 2147483647, 32, 2147483647, 0",
  })
  void retainedCountKeepsTheNewestThatFit(
      int newBytes, String existing, int maxRecords, int budget, int expected) {
    assertThat(HistoryRing.retainedCount(
            newBytes, sizes(existing), new HistoryPolicy(maxRecords, budget)))
        .isEqualTo(expected);
  }

  @Test
  void retainedCountRejectsNegativeSizes() {
    HistoryPolicy policy = HistoryPolicy.defaults();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> HistoryRing.retainedCount(-1, List.of(), policy))
        .withMessageContaining("-1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HistoryRing.retainedCount(1, List.of(1, -2), policy))
        .withMessageContaining("-2");
  }

  @Test
  void isRecordedComparesWithTheNewestRecordOnly() {
    List<HistoryRecord> history = List.of(
        HistoryRecord.of(T0.plusSeconds(1), Specs.serving("spam:2")),
        HistoryRecord.of(T0, Specs.serving("spam:1")));

    assertThat(HistoryRing.isRecorded(history, Specs.serving("spam:2"))).isTrue();
    assertThat(HistoryRing.isRecorded(history, Specs.serving("spam:1"))).isFalse();
    assertThat(HistoryRing.isRecorded(List.of(), Specs.serving("spam:1"))).isFalse();
  }

  @Test
  void policiesOutsideTheirRangeAreRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new HistoryPolicy(0, 1))
        .withMessageContaining("maxRecords");
    assertThatIllegalArgumentException().isThrownBy(() -> new HistoryPolicy(1, -1))
        .withMessageContaining("byteBudget");
    assertThat(HistoryPolicy.defaults()).isEqualTo(new HistoryPolicy(32, 32 * (16_384 + 64)));
  }

  /** Specs of equal, large size: one-digit images and a long description. */
  private static PhDeploymentSpec bigSpec(int digit) {
    return Specs.serving("spam:" + digit, "x".repeat(4000));
  }

  private static List<Integer> sizes(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.trim().split(" +"))
        .filter(s -> !s.isEmpty())
        .map(Integer::valueOf)
        .toList();
  }
}
