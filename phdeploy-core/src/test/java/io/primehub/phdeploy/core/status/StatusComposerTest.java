package io.primehub.phdeploy.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.phase.Evaluation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusComposerTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String URL = "https://hub.example/deployment/spam/api/v1.0/predictions";

  @Test
  void aStatusCarriesTheEvaluationTheEndpointTheGenerationAndAReadyCondition() {
    PhDeploymentStatus status =
        StatusComposer.compose(null, deployed(), URL, 3, T0);

    assertThat(status.phase()).isEqualTo(Phase.DEPLOYED);
    assertThat(status.reason()).isNull();
    assertThat(status.message()).isEqualTo("Deployed: 2 of 2 replicas available.");
    assertThat(status.replicas()).isEqualTo(2);
    assertThat(status.availableReplicas()).isEqualTo(2);
    assertThat(status.endpoint()).isEqualTo(URL);
    assertThat(status.observedGeneration()).isEqualTo(3L);
    Condition ready = ReadyCondition.find(status);
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getReason()).isEqualTo("Deployed");
    assertThat(ready.getLastTransitionTime()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(ready.getObservedGeneration()).isEqualTo(3L);
  }

  @Test
  void theReadyTransitionTimeMovesOnlyWhenReadinessFlips() {
    PhDeploymentStatus first = StatusComposer.compose(null, deploying(), null, 1, T0);
    PhDeploymentStatus stillDeploying =
        StatusComposer.compose(first, failed(), null, 1, T0.plusSeconds(60));
    PhDeploymentStatus deployed =
        StatusComposer.compose(stillDeploying, deployed(), URL, 1, T0.plusSeconds(120));

    assertThat(ReadyCondition.find(stillDeploying).getLastTransitionTime())
        .as("False stays False").isEqualTo("2026-03-01T10:00:00Z");
    assertThat(ReadyCondition.find(stillDeploying).getReason()).isEqualTo("ImagePullFailed");
    assertThat(ReadyCondition.find(deployed).getLastTransitionTime())
        .isEqualTo("2026-03-01T10:02:00Z");
  }

  @Test
  void anUnchangedEvaluationComposesAnEqualStatusSoNothingIsWritten() {
    PhDeploymentStatus before = StatusComposer.compose(null, deployed(), URL, 2, T0);
    PhDeploymentStatus after =
        StatusComposer.compose(before, deployed(), URL, 2, T0.plus(Duration.ofHours(5)));

    assertThat(after).isEqualTo(before);
  }

  @Test
  void deployingCountsFromTheLaterOfTheSpecChangeAndTheLossOfReadiness() {
    Instant specChange = T0;
    PhDeploymentStatus wasDeployed = StatusComposer.compose(null, deployed(), URL, 1, T0);
    PhDeploymentStatus lostAReplica =
        StatusComposer.compose(wasDeployed, deploying(), URL, 1, T0.plus(Duration.ofDays(2)));

    assertThat(DeployingSince.of(specChange, null)).isEqualTo(specChange);
    assertThat(DeployingSince.of(specChange, ReadyCondition.find(wasDeployed)))
        .as("ready: the spec change counts").isEqualTo(specChange);
    assertThat(DeployingSince.of(specChange, ReadyCondition.find(lostAReplica)))
        .isEqualTo(T0.plus(Duration.ofDays(2)));
    assertThat(DeployingSince.of(T0.plus(Duration.ofDays(3)), ReadyCondition.find(lostAReplica)))
        .as("a newer spec change counts").isEqualTo(T0.plus(Duration.ofDays(3)));
  }

  private static Evaluation deployed() {
    return Evaluation.builder().phase(Phase.DEPLOYED)
        .message("Deployed: 2 of 2 replicas available.").replicas(2).availableReplicas(2).build();
  }

  private static Evaluation deploying() {
    return Evaluation.builder().phase(Phase.DEPLOYING)
        .message("Deploying: 1 of 2 available.").replicas(2).availableReplicas(1).build();
  }

  private static Evaluation failed() {
    return Evaluation.builder().phase(Phase.FAILED).reason(FailureReason.IMAGE_PULL_FAILED)
        .message("The image cannot be pulled.").replicas(2).availableReplicas(0).build();
  }
}
