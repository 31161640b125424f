package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.ManualClock;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A model server slower to get ready than the deploy timeout: the deployment fails with
 * DeployTimeout at the deadline to the second, not before, and is Deployed once its replicas are
 * ready after all. Time moves only when the test moves the clock.
 */
@PhDeployTest(manualClock = true, deployTimeout = "PT5M")
class DeployTimeoutTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final Duration READY_AFTER = Duration.ofMinutes(7);

  @Test
  void aRolloutSlowerThanTheTimeoutFailsAtTheDeadlineAndIsDeployedOnceReady(
      PhDeployEnvironment env, ManualClock clock, PhDeployments deployments) {
    env.cluster().images().readinessDelay(Journey.IMAGE, READY_AFTER);
    deployments.create(Journey.NAME, Journey.fixture().getSpec());
    deployments.awaitPhase(Journey.NAME, Phase.DEPLOYING, Verdicts.WAIT);
    env.awaitIdle();

    clock.advance(TIMEOUT.minusSeconds(1));
    env.awaitIdle();
    assertThat(deployments.require(Journey.NAME)).hasPhase(Phase.DEPLOYING)
        .hasMessageContaining("0 of 2 replicas available; rolling out: 2 of 2 updated, 0 ready");

    clock.advance(Duration.ofSeconds(1));
    PhDeployment failed = Verdicts.awaitFailed(deployments, Journey.NAME);
    assertThat(failed).isFailedWith(FailureReason.DEPLOY_TIMEOUT)
        .hasMessageContaining("Deploying for 5m, which reaches the deploy timeout of 5m")
        .hasMessageContaining("Read the replica logs of container \"model\"");

    clock.advance(READY_AFTER.minus(TIMEOUT));
    PhDeployment recovered = Verdicts.await(env.cluster().client(), Journey.NAME, Phase.DEPLOYED);
    assertThat(recovered).hasAvailableReplicas(2).hasHistorySize(1);
    assertThat(recovered.getMetadata().getGeneration()).as("no spec change").isEqualTo(1L);
    env.awaitIdle();
    assertThat(Verdicts.events(env.cluster().client(), Journey.NAME)).extracting(Event::getReason)
        .containsExactly("Deploying", "DeployTimeout", "Deployed");
  }
}
