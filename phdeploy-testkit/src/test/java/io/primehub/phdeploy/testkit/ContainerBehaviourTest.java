package io.primehub.phdeploy.testkit;

import static io.primehub.phdeploy.testkit.Observed.condition;
import static io.primehub.phdeploy.testkit.Observed.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContainerBehaviourTest extends ClusterTest {

  private static final String BROKEN = "gs://models/broken";

  @Test
  void aCrashingImageRestartsWithBackOffAndWaitsInCrashLoopBackOff() {
    cluster.images().crash(Workloads.IMAGE, 3);
    client.resource(Workloads.deployment("spam").build()).create();
    cluster.awaitIdle();

    Pod pod = pod();
    ContainerStatus model = container(pod, "model");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(model.getReady()).isFalse();
    assertThat(model.getRestartCount()).isEqualTo(1);
    assertThat(model.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(model.getState().getWaiting().getMessage()).isEqualTo(
        "back-off 10s restarting failed container=model pod=" + pod.getMetadata().getName());
    assertThat(model.getLastState().getTerminated().getExitCode()).isEqualTo(3);
    assertThat(model.getLastState().getTerminated().getReason()).isEqualTo("Error");
    assertThat(container(pod, "seldon-container-engine").getReady()).isTrue();
    assertThat(cluster.logs().lines(Workloads.NAMESPACE, pod.getMetadata().getName(), "model"))
        .contains("Starting Seldon model server for registry.example/spam:1.0.3",
            "model exited with code 3");

    clock.advance(Duration.ofSeconds(10));
    cluster.awaitIdle();

    ContainerStatus restarted = container(pod(), "model");
    assertThat(restarted.getRestartCount()).isEqualTo(2);
    assertThat(restarted.getState().getWaiting().getMessage()).startsWith("back-off 20s");
  }

  @Test
  void aSlowImageBecomesReadyOnlyWhenTheClockHasMovedItsDelay() {
    cluster.images().readinessDelay(Workloads.IMAGE, Duration.ofSeconds(30));
    client.resource(Workloads.deployment("spam").build()).create();
    cluster.awaitIdle();

    assertThat(container(pod(), "model").getState().getRunning()).isNotNull();
    assertThat(container(pod(), "model").getReady()).isFalse();
    assertThat(condition(pod(), "Ready").getStatus()).isEqualTo("False");
    assertThat(Observed.status(client, "spam").getAvailableReplicas()).isZero();

    clock.advance(Duration.ofSeconds(29));
    cluster.awaitIdle();
    assertThat(container(pod(), "model").getReady()).isFalse();

    clock.advance(Duration.ofSeconds(1));
    cluster.awaitIdle();
    assertThat(container(pod(), "model").getReady()).isTrue();
    assertThat(condition(pod(), "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(pod(), "Ready").getLastTransitionTime()).isEqualTo("2024-05-01T10:00:30Z");
    assertThat(Observed.status(client, "spam").getAvailableReplicas()).isEqualTo(1);
  }

  @Test
  void theStorageInitializerCopiesTheModelBeforeTheContainersStart() {
    client.resource(Workloads.deployment("spam").modelUri("gs://models/spam/v1").build()).create();
    cluster.awaitIdle();

    Pod pod = pod();
    ContainerStatus initializer = pod.getStatus().getInitContainerStatuses().get(0);
    assertThat(initializer.getState().getTerminated().getExitCode()).isZero();
    assertThat(initializer.getState().getTerminated().getReason()).isEqualTo("Completed");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(container(pod, "model").getReady()).isTrue();
  }

  @Test
  void aFailingModelCopyKeepsTheInitializerCrashingAndThePodInitializing() {
    cluster.storage().fail(BROKEN);
    client.resource(Workloads.deployment("spam").modelUri(BROKEN + "/v1").build()).create();
    cluster.awaitIdle();

    Pod pod = pod();
    ContainerStatus initializer = pod.getStatus().getInitContainerStatuses().get(0);
    assertThat(initializer.getName()).isEqualTo("model-storage-initializer");
    assertThat(initializer.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(initializer.getRestartCount()).isPositive();
    assertThat(initializer.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(condition(pod, "Initialized").getMessage())
        .isEqualTo("containers with incomplete status: [model-storage-initializer]");
    assertThat(container(pod, "model").getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");
    assertThat(cluster.logs().lines(
            Workloads.NAMESPACE, pod.getMetadata().getName(), "model-storage-initializer"))
        .anySatisfy(line -> assertThat(line).contains("failed to download model from " + BROKEN));

    cluster.storage().restore(BROKEN);
    clock.advance(Duration.ofSeconds(10));
    cluster.awaitIdle();
    assertThat(pod().getStatus().getPhase()).isEqualTo("Running");
  }

  private Pod pod() {
    return Observed.onlyPod(client, "spam");
  }
}
