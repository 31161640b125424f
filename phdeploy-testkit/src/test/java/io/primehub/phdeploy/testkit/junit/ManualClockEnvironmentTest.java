package io.primehub.phdeploy.testkit.junit;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.ManualClock;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code @PhDeployTest(manualClock = true)}: the test receives the clock that the cluster and
 * the controller both keep time by, and time-based transitions wait until the test moves it.
 */
@PhDeployTest(manualClock = true, deployTimeout = "PT1M")
class ManualClockEnvironmentTest {

  @Test
  void theControllerTimesOutAndRecoversOnlyAsTheTestMovesTheClock(
      ManualClock clock, PhDeployEnvironment env, InMemoryCluster cluster,
      PhDeployments deployments) {
    assertThat(env.clock()).isSameAs(clock);
    assertThat(cluster.clock()).isSameAs(clock);
    Instant start = clock.instant();
    // Ready ten minutes after starting, by the cluster's clock.
    cluster.images().readinessDelay(SampleDeployment.IMAGE, Duration.ofMinutes(10));

    String name = SampleDeployment.create(deployments);
    deployments.awaitPhase(name, Phase.DEPLOYING, SampleDeployment.WAIT);
    env.awaitIdle();
    assertThat(deployments.require(name)).hasPhase(Phase.DEPLOYING).hasAvailableReplicas(0);
    assertThat(Instant.parse(deployments.history(name).get(0).time()))
        .as("the history's time, from the manual clock").isEqualTo(start);

    clock.advance(Duration.ofSeconds(61));
    deployments.awaitPhase(name, Phase.FAILED, SampleDeployment.WAIT);
    assertThat(deployments.require(name)).isFailedWith(FailureReason.DEPLOY_TIMEOUT);

    clock.advance(Duration.ofMinutes(10));
    // awaitPhase would end at once on the Failed status it starts from; the resource's own
    // wait sees the recovery.
    PhDeployment recovered = cluster.client().resources(PhDeployment.class).inNamespace("hub")
        .withName(name).waitUntilCondition(d -> d.phase().equals(Optional.of(Phase.DEPLOYED)),
            SampleDeployment.WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(recovered).isDeployed().hasAvailableReplicas(1).hasHistorySize(1);
  }
}
