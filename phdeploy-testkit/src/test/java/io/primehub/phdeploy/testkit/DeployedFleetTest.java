package io.primehub.phdeploy.testkit;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster that starts with a fleet of Deployed deployments holds exactly what a controller and
 * the simulators would have left: a controller started over it has nothing to write, and the
 * simulators and the garbage collector know every seeded object.
 */
class DeployedFleetTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int COUNT = 30;
  /** The fixture catalog with a group without quota, which a fleet of any size fits. */
  private static final Catalog CATALOG = Catalog.builder().from(Fixtures.catalog())
      .addGroups(Group.builder().name("fleet").modelDeploymentEnabled(true).build())
      .build();
  private static final ControllerConfig CONFIG =
      ControllerConfig.builder().baseUrl("http://models.example").build();

  private InMemoryCluster cluster;
  private PhDeployController controller;
  private PhDeployments deployments;

  @BeforeEach
  void seed() {
    cluster = InMemoryCluster.builder().catalog(CATALOG)
        .deployedFleet(DeployedFleet.of(spec("registry.example/spam:1.0")).count(COUNT)
            .history(DeployedFleet.MAX_HISTORY, age -> spec("registry.example/spam:0." + age))
            .config(CONFIG))
        .start();
    deployments = PhDeployments.using(cluster.client()).inNamespace("hub");
  }

  @AfterEach
  void close() {
    if (controller != null) {
      controller.close();
    }
    cluster.close();
  }

  @Test
  void aControllerStartedOverTheFleetWritesNothingAndFindsEveryDeploymentDeployed()
      throws InterruptedException {
    cluster.journal().reset();
    // Every pod steps through the kubelet again, which finds it running as it would have left it.
    cluster.images().healthy("registry.example/spam:1.0");
    cluster.awaitIdle();
    startController();

    RequestCounts writes = cluster.journal().snapshot().fromUserAgent(
        PhDeployEnvironment.CONTROLLER_USER_AGENT);
    assertThat(writes.writes()).as(writes.toString()).isZero();
    assertThat(writes.count(Verb.GET)).isZero();
    assertThat(cluster.journal().snapshot().writes()).as("writes of the simulators").isZero();
    assertThat(deployments.list()).hasSize(COUNT).allSatisfy(deployment -> {
      assertThat(deployment).isDeployed().hasHistorySize(DeployedFleet.MAX_HISTORY)
          .hasObservedItsGeneration().hasAvailableReplicas(2)
          .hasEndpoint("http://models.example/deployment/" + deployment.name()
              + "/api/v1.0/predictions");
      assertThat(deployment.getStatus().history().get(1).spec().predictor().modelImage())
          .isEqualTo("registry.example/spam:0.1");
    });
  }

  @Test
  void aNewImageOfASeededDeploymentRollsOutThroughTheSimulators() throws InterruptedException {
    startController();

    deployments.changeImage("fleet-00007", "registry.example/spam:2.0", "the new model");
    deployments.awaitPhase("fleet-00007", Phase.DEPLOYED, WAIT);
    cluster.awaitIdle(controller, WAIT);

    PhDeployment updated = deployments.require("fleet-00007");
    assertThat(updated).isDeployed().hasObservedItsGeneration()
        .hasHistorySize(DeployedFleet.MAX_HISTORY);
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2);
    assertThat(cluster.client().pods().inNamespace("hub")
        .withLabel(PodLabels.DEPLOYMENT, "fleet-00007").list().getItems())
        .hasSize(2)
        .allSatisfy(pod -> assertThat(pod.getSpec().getContainers().get(0).getImage())
            .isEqualTo("registry.example/spam:2.0"));
  }

  @Test
  void deletingASeededDeploymentCollectsWhatItOwned() throws InterruptedException {
    startController();

    deployments.delete("fleet-00003");
    cluster.awaitCollected("hub", "fleet-00003", WAIT);

    KubernetesClient client = cluster.client();
    String owned = OwnedNames.of("fleet-00003");
    assertThat(client.apps().deployments().inNamespace("hub").withName(owned).get()).isNull();
    assertThat(client.services().inNamespace("hub").withName(owned).get()).isNull();
    assertThat(client.network().v1().ingresses().inNamespace("hub").withName(owned).get())
        .isNull();
    assertThat(client.pods().inNamespace("hub").withLabel(PodLabels.DEPLOYMENT, "fleet-00003")
        .list().getItems()).isEmpty();
    assertThat(client.pods().inNamespace("hub").list().getItems()).hasSize(2 * (COUNT - 1));
  }

  @Test
  void aFleetOfNoneLeavesTheClusterEmptyAndBadSettingsAreRefused() {
    try (InMemoryCluster empty = InMemoryCluster.builder().catalog(CATALOG)
        .deployedFleet(DeployedFleet.of(spec("registry.example/spam:1.0")).count(0)).start()) {
      assertThat(PhDeployments.using(empty.client()).inNamespace("hub").list()).isEmpty();
    }
    DeployedFleet fleet = DeployedFleet.of(spec("registry.example/spam:1.0"));
    assertThatThrownBy(() -> fleet.count(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> fleet.history(33, age -> spec("a:1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33");
    assertThatThrownBy(() -> fleet.history(0, age -> spec("a:1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fleet.namespace(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryCluster.builder().catalog(CATALOG)
        .deployedFleet(DeployedFleet.of(spec("registry.example/spam:1.0")).count(2)
            .names(index -> "same"))
        .start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same");
  }

  private void startController() throws InterruptedException {
    controller = PhDeployController.builder(cluster.newClient(
            c -> c.withUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT)))
        .catalog(cluster.catalog()).config(CONFIG).clock(cluster.clock()).build();
    controller.start();
    cluster.awaitIdle(controller, WAIT);
  }

  private static PhDeploymentSpec spec(String image) {
    PhDeploymentSpec fixture = Fixtures.spamClassifier().getSpec();
    return ImmutablePhDeploymentSpec.copyOf(fixture).withGroupName("fleet")
        .withPredictors(ImmutablePredictor.copyOf(fixture.predictor()).withModelImage(image));
  }
}
