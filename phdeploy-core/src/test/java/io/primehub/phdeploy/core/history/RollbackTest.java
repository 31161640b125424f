package io.primehub.phdeploy.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.primehub.phdeploy.core.model.HistoryRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RollbackTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final List<HistoryRecord> HISTORY = List.of(
      HistoryRecord.of(T0.plusSeconds(2), Specs.serving("spam:3")),
      HistoryRecord.of(T0.plusSeconds(1), Specs.serving("spam:2")),
      HistoryRecord.of(T0, Specs.serving("spam:1")));

  @Test
  void revisionsCountBackFromTheNewest() {
    assertThat(Rollback.specAt(HISTORY, 0)).isEqualTo(Specs.serving("spam:3"));
    assertThat(Rollback.specAt(HISTORY, 1)).isEqualTo(Specs.serving("spam:2"));
    assertThat(Rollback.specAt(HISTORY, 2)).isEqualTo(Specs.serving("spam:1"));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 3, Integer.MAX_VALUE})
  void aRevisionOutsideTheHistoryNamesTheValidRange(int revision) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rollback.specAt(HISTORY, revision))
        .withMessage("cannot roll back to revision " + revision
            + ": the history holds revisions 0 (the newest) to 2");
  }

  @Test
  void anEmptyHistoryHasNoRevision() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rollback.specAt(List.of(), 0))
        .withMessage("cannot roll back to revision 0: the history is empty");
  }
}
