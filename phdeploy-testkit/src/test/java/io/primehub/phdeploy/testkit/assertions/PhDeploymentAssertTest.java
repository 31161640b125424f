package io.primehub.phdeploy.testkit.assertions;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PhDeploymentAssertTest {

  private static final String ENDPOINT = "http://localhost:8080/deployment/web/api/v1.0/predictions";
  /** How every failure message about the failed deployment shows its status. */
  private static final String FAILED_STATUS = "<phase=Failed, reason=ImagePullFailed,"
      + " message=Cannot pull registry.example/web:9, replicas=2, available=0,"
      + " observedGeneration=2, endpoint=" + ENDPOINT + ", history=0>";

  private final PhDeployment failed = deployment(PhDeploymentStatus.builder()
      .phase(Phase.FAILED).reason(FailureReason.IMAGE_PULL_FAILED)
      .message("Cannot pull registry.example/web:9").replicas(2).availableReplicas(0)
      .endpoint(ENDPOINT).observedGeneration(2L)
      .build());

  @Test
  void passesWhenTheStatusSaysSo() {
    PhDeployment deployed = deployment(PhDeploymentStatus.builder()
        .phase(Phase.DEPLOYED).message("2 of 2 replicas available").replicas(2)
        .availableReplicas(2).endpoint(ENDPOINT).observedGeneration(3L)
        .build());

    assertThat(deployed).isDeployed().hasPhase(Phase.DEPLOYED).hasMessageContaining("2 of 2")
        .hasReplicas(2).hasAvailableReplicas(2).hasObservedItsGeneration().hasEndpoint(ENDPOINT)
        .hasHistorySize(0);
    assertThat(failed).isFailedWith(FailureReason.IMAGE_PULL_FAILED);
  }

  @Test
  void aWrongPhaseShowsTheStatus() {
    assertFailsWith(() -> assertThat(failed).isDeployed(),
        "Expected hub/web to be Deployed but was " + FAILED_STATUS);
    assertFailsWith(() -> assertThat(failed).hasPhase(Phase.STOPPED),
        "Expected hub/web to be Stopped but was " + FAILED_STATUS);
  }

  @Test
  void aWrongFailureShowsTheStatus() {
    assertFailsWith(() -> assertThat(failed).isFailedWith(FailureReason.DEPLOY_TIMEOUT),
        "Expected hub/web to fail with DeployTimeout but was " + FAILED_STATUS);
  }

  @Test
  void aMessageWithoutTheTextShowsTheStatus() {
    assertFailsWith(() -> assertThat(failed).hasMessageContaining("quota"),
        "Expected the message of hub/web to contain <quota> but was " + FAILED_STATUS);
  }

  @Test
  void wrongReplicaCountsShowTheStatus() {
    assertFailsWith(() -> assertThat(failed).hasReplicas(3),
        "Expected hub/web to have 3 replicas but had 2; " + FAILED_STATUS);
    assertFailsWith(() -> assertThat(failed).hasAvailableReplicas(2),
        "Expected hub/web to have 2 available replicas but had 0; " + FAILED_STATUS);
    assertFailsWith(() -> assertThat(failed).hasHistorySize(1),
        "Expected hub/web to have 1 history records but had 0; " + FAILED_STATUS);
  }

  @Test
  void anUnobservedGenerationShowsTheStatus() {
    assertFailsWith(() -> assertThat(failed).hasObservedItsGeneration(),
        "Expected hub/web to have observed generation 3 but it observed 2; " + FAILED_STATUS);
  }

  @Test
  void aWrongEndpointShowsTheStatus() {
    assertFailsWith(() -> assertThat(failed).hasEndpoint("http://elsewhere/"),
        "Expected the endpoint of hub/web to be <http://elsewhere/> but was <" + ENDPOINT
            + ">; " + FAILED_STATUS);
  }

  @Test
  void aDeploymentWithoutStatusSaysTheControllerWroteNone() {
    assertFailsWith(() -> assertThat(deployment(null)).isDeployed(),
        "Expected hub/web to have a status but the controller has written none");
  }

  @Test
  void theHistoryIsDescribedAsTheDeploymentsHistory() {
    assertThatThrownBy(() -> assertThat(failed).historySpecs().isNotEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[the history of hub/web, newest first]");
  }

  private static void assertFailsWith(ThrowingCallable assertion, String message) {
    assertThatThrownBy(assertion).isInstanceOf(AssertionError.class).hasMessage(message);
  }

  /** A deployment hub/web at generation 3 with this status. */
  private static PhDeployment deployment(PhDeploymentStatus status) {
    PhDeployment deployment = PhDeployment.of("hub", "web", null);
    deployment.getMetadata().setGeneration(3L);
    deployment.setStatus(status);
    return deployment;
  }
}
