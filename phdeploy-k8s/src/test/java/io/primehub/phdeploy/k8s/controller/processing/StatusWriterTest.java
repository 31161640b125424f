package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.k8s.testing.Fixtures;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A status patch that records a spec is computed from the version of the object the controller
 * last saw. Applied to a newer version, one its cache has not caught up with (a write that a
 * stopped instance made just before, say), it would record the spec a second time: the server
 * must refuse it instead, so that the controller retries from the newer version.
 */
@EnableCrudMockServer
class StatusWriterTest {

  private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
  private static final PhDeploymentStatus DEPLOYING =
      StatusPatchTest.status(Phase.DEPLOYING, "starting");

  KubernetesClient client;
  private StatusWriter writer;
  private PhDeployment deployment;

  @BeforeEach
  void createDeployment() {
    PhDeploymentCrd.installIfAbsent(client);
    deployment = client.resource(Fixtures.spamClassifier()).create();
    writer = new StatusWriter(client, new RecentWrites<>());
  }

  @Test
  void aPatchRecordingASpecIsRefusedOnANewerVersionAndRecordsNothingTwice() {
    GenericKubernetesResource created = read();
    writer.write(DeploymentView.of(created, HistorySummary.EMPTY),
        StatusPatch.between(null, HistorySummary.EMPTY, DEPLOYING, record("v1"), 0)
            .onlyAt(created.getMetadata().getResourceVersion()));
    GenericKubernetesResource seen = read();
    DeploymentView view = DeploymentView.of(seen, new HistorySummary(null, T0, List.of(100)));

    assertThat(writer.write(view, recordV2(view))).isTrue();
    // The same view again: the object has moved on since, by the write just made.
    assertThatThrownBy(() -> writer.write(view, recordV2(view)))
        .isInstanceOfSatisfying(KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(409));

    assertThat(history(read()).stream()
            .map(record -> (Map<?, ?>) record.get("spec"))
            .map(spec -> String.valueOf(spec.get("displayName"))))
        .containsExactly("v2", "v1");
  }

  private StatusPatch recordV2(DeploymentView view) {
    return StatusPatch.between(view.storedStatus(), view.history(), DEPLOYING, record("v2"), 1)
        .onlyAt(view.metadata().getResourceVersion());
  }

  private static HistoryRecord record(String displayName) {
    return HistoryRecord.of(T0, StatusPatchTest.spec(displayName));
  }

  private GenericKubernetesResource read() {
    return client.genericKubernetesResources(PhDeploymentCrd.context())
        .inNamespace(deployment.namespace()).withName(deployment.name()).get();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> history(GenericKubernetesResource resource) {
    Map<String, Object> status =
        (Map<String, Object>) resource.getAdditionalProperties().get("status");
    return (List<Map<String, Object>>) status.get("history");
  }
}
