package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PodLogsTest extends ClusterTest {

  private String podName;

  @BeforeEach
  void deploy() {
    client.resource(Workloads.deployment("spam").build()).create();
    cluster.awaitIdle();
    Pod pod = client.pods().inNamespace(Workloads.NAMESPACE).list().getItems().get(0);
    podName = pod.getMetadata().getName();
  }

  @Test
  void theKubeletWritesStartUpLinesForEachContainer() {
    assertThat(pod().inContainer("model").getLog()).isEqualTo(
        "Starting Seldon model server for registry.example/spam:1.0.3\n"
            + "Model server listening on port 9000\n");
    assertThat(pod().inContainer("seldon-container-engine").getLog())
        .endsWith("Seldon engine listening on port 8000\n");
  }

  @Test
  void tailLinesSinceSecondsAndTimestampsSelectAndStampTheLines() {
    clock.advance(Duration.ofMinutes(1));
    cluster.logs().append(Workloads.NAMESPACE, podName, "model", "predicting 1");
    cluster.logs().append(Workloads.NAMESPACE, podName, "model", "predicting 2");

    assertThat(pod().inContainer("model").tailingLines(1).getLog()).isEqualTo("predicting 2\n");
    assertThat(pod().inContainer("model").sinceSeconds(30).getLog())
        .isEqualTo("predicting 1\npredicting 2\n");
    assertThat(pod().inContainer("model").sinceSeconds(90).getLog()).startsWith("Starting");
    assertThat(pod().inContainer("model").usingTimestamps().tailingLines(1).getLog())
        .isEqualTo("2024-05-01T10:01:00.000000000Z predicting 2\n");
    assertThat(cluster.logs().lines(Workloads.NAMESPACE, podName, "model")).hasSize(4);
  }

  @Test
  void aPodOfSeveralContainersNeedsOneNamedAndAnUnknownPodHasNoLog() {
    assertThatThrownBy(() -> pod().getLog())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(400);
          assertThat(e.getStatus().getMessage()).isEqualTo(
              "a container name must be specified for pod " + podName
                  + ", choose one of: [model seldon-container-engine]");
        });
    assertThatThrownBy(() -> client.pods().inNamespace(Workloads.NAMESPACE).withName("absent")
            .inContainer("model").getLog())
        .isInstanceOf(KubernetesClientException.class);
  }

  @Test
  void followingALogGivesTheLinesSoFarThenEnds() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LogWatch watch = pod().inContainer("model").watchLog(out)) {
      watch.onClose().toCompletableFuture().get();
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Model server listening on port 9000");
  }

  private PodResource pod() {
    return client.pods().inNamespace(Workloads.NAMESPACE).withName(podName);
  }
}
