package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.naming.PodLabels;
import java.util.List;
import java.util.Optional;

/**
 * What a test reads back from the cluster about the deployments {@link Workloads} builds, with a
 * plain client: their pods, the pods' containers and conditions, and the Deployments' status.
 */
final class Observed {

  private Observed() {}

  /** The pods of the deployment of this PhDeployment name. */
  static List<Pod> pods(KubernetesClient client, String deployment) {
    return client.pods().inNamespace(Workloads.NAMESPACE)
        .withLabel(PodLabels.DEPLOYMENT, deployment)
        .list()
        .getItems();
  }

  /** The one pod of the deployment of this PhDeployment name. */
  static Pod onlyPod(KubernetesClient client, String deployment) {
    List<Pod> pods = pods(client, deployment);
    assertThat(pods).hasSize(1);
    return pods.get(0);
  }

  static ContainerStatus container(Pod pod, String name) {
    return pod.getStatus().getContainerStatuses().stream()
        .filter(status -> name.equals(status.getName()))
        .findFirst()
        .orElseThrow();
  }

  static PodCondition condition(Pod pod, String type) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  /** The status of the Deployment of this PhDeployment name. */
  static DeploymentStatus status(KubernetesClient client, String deployment) {
    return client.apps().deployments().inNamespace(Workloads.NAMESPACE)
        .withName(OwnedNames.of(deployment))
        .get()
        .getStatus();
  }

  static Optional<DeploymentCondition> condition(DeploymentStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Sets the replicas of the Deployment of this PhDeployment name, as a controller would. */
  static void scale(KubernetesClient client, String deployment, int replicas) {
    client.apps().deployments().inNamespace(Workloads.NAMESPACE)
        .withName(OwnedNames.of(deployment))
        .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(replicas).endSpec().build());
  }
}
