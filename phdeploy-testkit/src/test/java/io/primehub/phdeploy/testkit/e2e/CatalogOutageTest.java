package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * While the catalog of groups and instance types cannot be read, nothing can be decided about a
 * deployment, so the controller leaves what runs exactly as it is, says so in the status, and
 * goes back to its usual message once the catalog answers again.
 */
@PhDeployTest(manualClock = true)
class CatalogOutageTest {

  private static final String OUTAGE =
      "POST https://primehub.example/api/graphql: connection refused";
  private static final String ROWS = "{\"data\":{\"ndarray\":[[1.0,2.0]]}}";

  @Test
  void anOutageLeavesARunningDeploymentUntouchedAndIsReportedUntilTheCatalogRecovers(
      PhDeployEnvironment env, InMemoryCluster cluster,
      PhDeployments deployments) {
    KubernetesClient client = cluster.client();
    env.models().serve(Journey.IMAGE, Journey.summing());
    deployments.create(Journey.NAME, Journey.fixture().getSpec());
    deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, Verdicts.WAIT);
    env.awaitIdle();
    String deployedMessage = deployments.require(Journey.NAME).getStatus().message();
    Map<String, String> versions = ownedVersions(client);
    cluster.journal().reset();

    // A Deployed deployment's new message is news: it is written without waiting, so the
    // clock, which stands still, need not move.
    cluster.catalog().failWith(OUTAGE);

    PhDeployment during = Verdicts.awaitStatus(client, Journey.NAME, "the outage reported",
        status -> status.message().contains(OUTAGE));
    assertThat(during).isDeployed().hasAvailableReplicas(2)
        .hasMessageContaining("The catalog of groups and instance types cannot be read ("
            + OUTAGE + "); the running resources are left untouched and the controller will"
            + " retry. Before the outage: " + deployedMessage);
    assertThat(Journey.predict(env.gateway().predictionUrl(Journey.NAME), ROWS).statusCode())
        .isEqualTo(200);
    env.awaitIdle();
    assertThat(ownedVersions(client)).isEqualTo(versions);
    assertThat(cluster.journal().snapshot()
            .fromUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT).byVerbAndResource())
        .as("the controller wrote the status, and nothing else")
        .containsOnlyKeys("PATCH phdeployments/status");

    cluster.catalog().recover();

    assertThat(Verdicts.awaitStatus(client, Journey.NAME, "the outage over",
            status -> status.message().equals(deployedMessage)))
        .isDeployed();
    env.awaitIdle();
    assertThat(ownedVersions(client)).isEqualTo(versions);
  }

  @Test
  void aDeploymentCreatedDuringAnOutageWaitsForTheCatalogThenDeploys(
      PhDeployEnvironment env, InMemoryCluster cluster, PhDeployments deployments) {
    KubernetesClient client = cluster.client();
    cluster.catalog().failWith(OUTAGE);

    deployments.create(Journey.NAME, Journey.fixture().getSpec());

    assertThat(Verdicts.awaitStatus(client, Journey.NAME, "the outage reported",
            status -> status.message().contains(OUTAGE)))
        .hasPhase(Phase.DEPLOYING);
    env.awaitIdle();
    assertThat(Verdicts.deploymentOf(client, Journey.NAME)).as("nothing decided, nothing run")
        .isNull();

    cluster.catalog().recover();

    assertThat(Verdicts.await(client, Journey.NAME, Phase.DEPLOYED)).hasAvailableReplicas(2);
  }

  /** The resource version of each object the deployment owns, by kind. */
  private static Map<String, String> ownedVersions(KubernetesClient client) {
    String name = OwnedNames.of(Journey.NAME);
    List<HasMetadata> owned = Stream.<HasMetadata>of(
            client.apps().deployments().inNamespace(Journey.NAMESPACE).withName(name).get(),
            client.services().inNamespace(Journey.NAMESPACE).withName(name).get(),
            client.network().v1().ingresses().inNamespace(Journey.NAMESPACE).withName(name).get())
        .toList();
    return owned.stream().collect(Collectors.toMap(
        HasMetadata::getKind, object -> object.getMetadata().getResourceVersion()));
  }
}
