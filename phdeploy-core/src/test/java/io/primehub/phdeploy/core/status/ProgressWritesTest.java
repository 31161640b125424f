package io.primehub.phdeploy.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProgressWritesTest {

  private static final Instant WRITTEN = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final PhDeploymentStatus DEPLOYING = PhDeploymentStatus.builder()
      .phase(Phase.DEPLOYING).message("0 of 2 available").replicas(2).availableReplicas(0)
      .observedGeneration(1L).endpoint("https://hub/x").build();

  static Stream<Arguments> changesThatMatterAtOnce() {
    return Stream.<UnaryOperator<PhDeploymentStatus>>of(
            s -> PhDeploymentStatus.builder().from(s).phase(Phase.DEPLOYED).build(),
            s -> PhDeploymentStatus.builder().from(s).phase(Phase.FAILED)
                .reason(FailureReason.IMAGE_PULL_FAILED).build(),
            s -> PhDeploymentStatus.builder().from(s).observedGeneration(2L).build(),
            s -> PhDeploymentStatus.builder().from(s).endpoint(null).build(),
            s -> PhDeploymentStatus.builder().from(s).replicas(3).build())
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("changesThatMatterAtOnce")
  void aChangePeopleActOnIsWrittenAtOnce(UnaryOperator<PhDeploymentStatus> change) {
    assertThat(ProgressWrites.deferUntil(
        DEPLOYING, change.apply(DEPLOYING), WRITTEN, WRITTEN.plusSeconds(1), INTERVAL)).isEmpty();
  }

  @Test
  void progressAloneWaitsForTheIntervalSinceTheLastWrite() {
    PhDeploymentStatus progressed = PhDeploymentStatus.builder().from(DEPLOYING)
        .message("1 of 2 available").availableReplicas(1).build();

    assertThat(ProgressWrites.deferUntil(
        DEPLOYING, progressed, WRITTEN, WRITTEN.plusSeconds(3), INTERVAL))
        .contains(WRITTEN.plusSeconds(10));
    assertThat(ProgressWrites.deferUntil(
        DEPLOYING, progressed, WRITTEN, WRITTEN.plusSeconds(10), INTERVAL)).isEmpty();
  }

  @Test
  void aNewMessageOfADeployedDeploymentIsNewsAndIsWrittenAtOnce() {
    PhDeploymentStatus deployed = PhDeploymentStatus.builder().from(DEPLOYING)
        .phase(Phase.DEPLOYED).message("Deployed: 2 of 2 replicas available.").build();
    PhDeploymentStatus outage = PhDeploymentStatus.builder().from(deployed)
        .message("The catalog of groups and instance types cannot be read ...").build();

    assertThat(ProgressWrites.deferUntil(
        deployed, outage, WRITTEN, WRITTEN.plusSeconds(1), INTERVAL)).isEmpty();
  }

  @Test
  void aStatusNeverWrittenByThisControllerIsWrittenAtOnce() {
    PhDeploymentStatus progressed = PhDeploymentStatus.builder().from(DEPLOYING)
        .availableReplicas(1).build();

    assertThat(ProgressWrites.deferUntil(null, progressed, null, WRITTEN, INTERVAL)).isEmpty();
    assertThat(ProgressWrites.deferUntil(DEPLOYING, progressed, null, WRITTEN, INTERVAL))
        .isEmpty();
  }
}
