package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How much the controller asks of the API server, counted by the testkit's journal: a
 * lifecycle costs exactly its unavoidable writes and no read, a restart costs nothing but the
 * lists and watches, and history stays within 32 records.
 */
@PhDeployTest
class ControllerWritesTest {

  private static final Duration WAIT = Journey.WAIT;

  @Test
  void aCreateToDeployedLifecycleMakesOnlyTheMinimalWritesAndNoReads(
      PhDeployEnvironment env, InMemoryCluster cluster, PhDeployments deployments) {
    env.awaitIdle();
    cluster.journal().reset();

    Journey.deployFixture(deployments);
    env.awaitIdle();

    RequestCounts controller = controllerRequests(cluster);
    // Three owned objects, the status at Deploying and at Deployed, an event for each phase.
    assertThat(controller.byVerbAndResource()).isEqualTo(Map.of(
        "CREATE deployments", 1L,
        "CREATE services", 1L,
        "CREATE ingresses", 1L,
        "PATCH phdeployments/status", 2L,
        "CREATE events", 2L));
    assertThat(controller.writes()).isEqualTo(7);
    assertThat(controller.count(Verb.GET) + controller.count(Verb.LIST)).isZero();
  }

  @Test
  void aRestartedControllerOverDeployedDeploymentsWritesNothingAndRecordsNoHistory(
      PhDeployEnvironment env, InMemoryCluster cluster, PhDeployments deployments) {
    Journey.deployFixture(deployments);
    PhDeployment second = Journey.fixture();
    deployments.create("spam-classifier-second", second.getSpec());
    deployments.awaitPhase("spam-classifier-second", Phase.DEPLOYED, WAIT);
    env.awaitIdle();
    cluster.journal().reset();

    env.restartController();
    env.awaitIdle();

    RequestCounts controller = controllerRequests(cluster);
    assertThat(controller.writes()).as(controller.toString()).isZero();
    assertThat(controller.count(Verb.GET)).isZero();
    assertThat(deployments.require(Journey.NAME)).isDeployed().hasHistorySize(1);
    assertThat(deployments.require("spam-classifier-second")).isDeployed().hasHistorySize(1);
  }

  @Test
  void historyKeepsTheNewest32ChangesNewestFirst(PhDeployments deployments) {
    Journey.deployFixture(deployments);

    for (int change = 1; change <= 35; change++) {
      String message = "change " + change;
      deployments.update(Journey.NAME,
          spec -> ImmutablePhDeploymentSpec.copyOf(spec).withDescription(message), message);
      deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, WAIT);
    }

    assertThat(deployments.require(Journey.NAME)).isDeployed().hasHistorySize(32)
        .historySpecs().first().extracting(spec -> spec.updateMessage()).isEqualTo("change 35");
    assertThat(deployments.history(Journey.NAME).get(31).spec().updateMessage())
        .isEqualTo("change 4");
  }

  private static RequestCounts controllerRequests(InMemoryCluster cluster) {
    return cluster.journal().snapshot().fromUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT);
  }
}
