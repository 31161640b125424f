package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeploymentSimulationTest {

  private final InMemoryCluster cluster = InMemoryCluster.builder().fixtureCatalog().start();
  private final KubernetesClient client = cluster.client();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aDeploymentGetsRunningReadyPodsOwnedByItAndAnAvailableStatus() {
    Deployment created = client.resource(Workloads.deployment("spam").replicas(2).build()).create();

    cluster.awaitIdle();

    List<Pod> pods = pods();
    assertThat(pods).hasSize(2);
    for (Pod pod : pods) {
      assertThat(pod.getMetadata().getName()).matches("deploy-spam-[a-z0-9]+-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(pod.getMetadata().getLabels())
          .containsEntry("app", "primehub-group")
          .containsEntry("primehub.io/phdeployment", "spam")
          .containsEntry("primehub.io/group", "phusers")
          .containsKey("pod-template-hash");
      OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
      assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
      assertThat(owner.getController()).isTrue();
      assertThat(pod.getSpec().getNodeName()).isEqualTo("cpu-node-1");
      assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
      assertThat(pod.getStatus().getContainerStatuses())
          .allSatisfy(status -> assertThat(status.getReady()).isTrue());
    }
    DeploymentStatus status = deployment().getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getReplicas()).isEqualTo(2);
    assertThat(status.getUpdatedReplicas()).isEqualTo(2);
    assertThat(status.getReadyReplicas()).isEqualTo(2);
    assertThat(status.getAvailableReplicas()).isEqualTo(2);
    assertThat(status.getUnavailableReplicas()).isZero();
    assertThat(condition(status, "Available").getReason()).isEqualTo("MinimumReplicasAvailable");
    assertThat(condition(status, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
  }

  @Test
  void scalingUpAndDownAndToZeroFollowsTheReplicas() {
    client.resource(Workloads.deployment("spam").replicas(2).build()).create();
    cluster.awaitIdle();

    scale(4);
    assertThat(pods()).hasSize(4);
    assertThat(deployment().getStatus().getAvailableReplicas()).isEqualTo(4);

    scale(1);
    assertThat(pods()).hasSize(1);
    assertThat(deployment().getStatus().getReplicas()).isEqualTo(1);

    scale(0);
    assertThat(pods()).isEmpty();
    DeploymentStatus status = deployment().getStatus();
    assertThat(status.getReplicas()).isZero();
    assertThat(status.getAvailableReplicas()).isZero();
    assertThat(status.getObservedGeneration()).isEqualTo(4L);
  }

  @Test
  void aRollingUpdateSurgesFirstAndNeverLosesAvailabilityWhenNoneMayBeUnavailable()
      throws InterruptedException {
    client.resource(Workloads.deployment("spam").replicas(3).rolling(1, 0).build()).create();
    cluster.awaitIdle();
    String oldHash = pods().get(0).getMetadata().getLabels().get("pod-template-hash");
    PodCensus census = PodCensus.watching(client, Workloads.NAMESPACE, 3);

    client.apps().deployments().inNamespace(Workloads.NAMESPACE).withName("deploy-spam")
        .edit(d -> new DeploymentBuilder(d).editSpec().editTemplate().editSpec()
            .editFirstContainer().withImage("registry.example/spam:1.0.4").endContainer()
            .endSpec().endTemplate().endSpec().build());
    cluster.awaitIdle();
    List<Pod> pods = pods();
    census.awaitReadyPods(names(pods));
    census.close();

    assertThat(pods).hasSize(3);
    assertThat(pods).allSatisfy(pod -> {
      assertThat(pod.getMetadata().getLabels().get("pod-template-hash")).isNotEqualTo(oldHash);
      assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/spam:1.0.4");
    });
    assertThat(census.mostPods()).isEqualTo(4);
    assertThat(census.fewestReady()).isEqualTo(3);
    DeploymentStatus status = deployment().getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(2L);
    assertThat(status.getUpdatedReplicas()).isEqualTo(3);
    assertThat(status.getAvailableReplicas()).isEqualTo(3);
    assertThat(condition(status, "Progressing").getMessage())
        .isEqualTo("ReplicaSet \"deploy-spam-" + pods.get(0).getMetadata().getLabels().get("pod-template-hash")
            + "\" has successfully progressed.");
  }

  @Test
  void aRollingUpdateMayTakeDownAsManyAsAllowedBeforeReplacing() throws InterruptedException {
    client.resource(Workloads.deployment("spam").replicas(4).rolling(0, 2).build()).create();
    cluster.awaitIdle();
    PodCensus census = PodCensus.watching(client, Workloads.NAMESPACE, 4);

    client.apps().deployments().inNamespace(Workloads.NAMESPACE).withName("deploy-spam")
        .edit(d -> new DeploymentBuilder(d).editSpec().editTemplate().editMetadata()
            .addToAnnotations("restartedAt", "now").endMetadata().endTemplate().endSpec().build());
    cluster.awaitIdle();
    census.awaitReadyPods(names(pods()));
    census.close();

    assertThat(pods()).hasSize(4);
    assertThat(census.mostPods()).isEqualTo(4);
    assertThat(census.fewestReady()).isEqualTo(2);
  }

  private void scale(int replicas) {
    client.apps().deployments().inNamespace(Workloads.NAMESPACE).withName("deploy-spam")
        .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(replicas).endSpec().build());
    cluster.awaitIdle();
  }

  private List<Pod> pods() {
    return client.pods().inNamespace(Workloads.NAMESPACE).withLabel("primehub.io/phdeployment", "spam")
        .list().getItems();
  }

  private static List<String> names(List<Pod> pods) {
    return pods.stream().map(pod -> pod.getMetadata().getName()).toList();
  }

  private Deployment deployment() {
    return client.apps().deployments().inNamespace(Workloads.NAMESPACE).withName("deploy-spam").get();
  }

  private static DeploymentCondition condition(DeploymentStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
  }
}
