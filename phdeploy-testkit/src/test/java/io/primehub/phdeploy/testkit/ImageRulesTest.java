package io.primehub.phdeploy.testkit;

import static io.primehub.phdeploy.testkit.Observed.container;
import static io.primehub.phdeploy.testkit.Observed.onlyPod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

class ImageRulesTest extends ClusterTest {

  private static final String STORAGE_INITIALIZER = "kfserving/storage-initializer:v0.4.0";
  private static final String BACK_OFF = "ImagePullBackOff";

  @Test
  void aMissingImageFailsToPullThenBacksOffAndRunsOnceItIsBack() throws InterruptedException {
    cluster.registry().remove(Workloads.IMAGE);
    try (ContainerStates states = ContainerStates.recording(client, Workloads.NAMESPACE, "model")) {
      client.resource(Workloads.deployment("spam").build()).create();
      cluster.awaitIdle();

      assertThat(states.awaitReason(BACK_OFF)).containsSubsequence("ErrImagePull", BACK_OFF);
      assertThat(states.firstMessage("ErrImagePull")).endsWith(
          "failed to resolve reference \"registry.example/spam:1.0.3\":"
              + " registry.example/spam:1.0.3: not found");
    }
    Pod pod = onlyPod(client, "spam");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(waiting(pod, "model").getMessage())
        .isEqualTo("Back-off pulling image \"registry.example/spam:1.0.3\"");
    assertThat(Observed.status(client, "spam").getAvailableReplicas()).isZero();

    cluster.registry().restore(Workloads.IMAGE);
    cluster.awaitIdle();

    assertThat(onlyPod(client, "spam").getStatus().getPhase()).isEqualTo("Running");
    assertThat(container(onlyPod(client, "spam"), "model").getReady()).isTrue();
  }

  @Test
  void aPrivateImageIsPulledOnlyWithItsPullSecret() throws InterruptedException {
    cluster.registry().requirePullSecret(Workloads.IMAGE, "regcred");
    try (ContainerStates states = ContainerStates.recording(client, Workloads.NAMESPACE, "model")) {
      client.resource(Workloads.deployment("without").build()).create();
      client.resource(Workloads.deployment("with").pullSecret("regcred").build()).create();
      cluster.awaitIdle();
      states.awaitReason(BACK_OFF);

      assertThat(states.firstMessage("ErrImagePull")).isEqualTo(
          "rpc error: code = Unknown desc = failed to pull and unpack image"
              + " \"registry.example/spam:1.0.3\": failed to resolve reference"
              + " \"registry.example/spam:1.0.3\": pull access denied, repository does not exist or"
              + " may require authorization: server message: insufficient_scope: authorization"
              + " failed");
    }
    assertThat(waiting(onlyPod(client, "without"), "model").getReason()).isEqualTo(BACK_OFF);
    Pod with = onlyPod(client, "with");
    assertThat(with.getStatus().getPhase()).isEqualTo("Running");
    assertThat(container(with, "model").getReady()).isTrue();
  }

  @Test
  void anInvalidReferenceIsAnInvalidImageNameWithTheKubeletsMessage() {
    String invalid = "registry.example/Spam:1.0";
    client.resource(Workloads.deployment("spam").image(invalid).build()).create();
    cluster.awaitIdle();

    ContainerStateWaiting waiting = waiting(onlyPod(client, "spam"), "model");
    assertThat(waiting.getReason()).isEqualTo("InvalidImageName");
    assertThat(waiting.getMessage()).isEqualTo(
        "Failed to apply default image tag \"registry.example/Spam:1.0\": couldn't parse image"
            + " reference \"registry.example/Spam:1.0\": invalid reference format: repository name"
            + " (Spam) must be lowercase");
  }

  @Test
  void theStorageInitializersImageFollowsTheSameRules() throws InterruptedException {
    cluster.registry().remove(STORAGE_INITIALIZER);
    try (ContainerStates states =
        ContainerStates.recording(client, Workloads.NAMESPACE, "model-storage-initializer")) {
      client.resource(Workloads.deployment("spam").modelUri("gs://models/spam").build()).create();
      cluster.awaitIdle();
      states.awaitReason(BACK_OFF);
    }

    Pod pod = onlyPod(client, "spam");
    assertThat(pod.getStatus().getInitContainerStatuses().get(0).getState().getWaiting())
        .extracting(ContainerStateWaiting::getReason).isEqualTo(BACK_OFF);
    assertThat(waiting(pod, "model").getReason()).isEqualTo("PodInitializing");
  }

  private static ContainerStateWaiting waiting(Pod pod, String container) {
    return container(pod, container).getState().getWaiting();
  }
}
