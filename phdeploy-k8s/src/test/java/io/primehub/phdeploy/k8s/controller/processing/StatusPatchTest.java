package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.WireJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPatchTest {

  private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

  @Test
  void aFirstStatusIsAddedWholeWithItsFirstRecord() throws Exception {
    HistoryRecord record = HistoryRecord.of(T0, spec("v1"));
    StatusPatch patch = StatusPatch.between(
        null, HistorySummary.EMPTY, status(Phase.DEPLOYING, "starting"), record, 0);

    JsonNode result = apply(object(null), patch);

    assertThat(patch.size()).isEqualTo(1);
    assertThat(result.at("/status/phase").asText()).isEqualTo("Deploying");
    assertThat(result.at("/status/history/0/spec/displayName").asText()).isEqualTo("v1");
  }

  @Test
  void onlyChangedFieldsArePatchedAndAnUnchangedStatusNeedsNoRequest() throws Exception {
    PhDeploymentStatus before = status(Phase.DEPLOYING, "1 of 2 available");
    JsonNode stored = WireJson.mapper().valueToTree(before);

    StatusPatch same = StatusPatch.between(stored, HistorySummary.EMPTY, before, null, 0);
    StatusPatch changed = StatusPatch.between(
        stored, HistorySummary.EMPTY, status(Phase.DEPLOYED, "2 of 2 available"), null, 0);

    assertThat(same.isEmpty()).isTrue();
    assertThat(changed.toJson())
        .contains("\"path\":\"/status/phase\"", "\"path\":\"/status/message\"")
        .doesNotContain("/status/replicas", "history");
  }

  @Test
  void aStatusReadFromTheServerEqualsTheSameStatusComposedAgain() throws Exception {
    PhDeploymentStatus composed = PhDeploymentStatus.builder()
        .from(status(Phase.DEPLOYED, "ok")).observedGeneration(1L).build();
    // The informer hands the status over as maps of parsed JSON, where 1 is an Integer.
    Object asStored = WireJson.mapper().readValue(WireJson.bytes(composed), Object.class);

    StatusPatch patch = StatusPatch.between(WireJson.mapper().valueToTree(asStored),
        HistorySummary.EMPTY, composed, null, 0);

    assertThat(patch.isEmpty()).as(patch.toJson()).isTrue();
  }

  @Test
  void aFieldThatIsNoLongerSetIsRemoved() throws Exception {
    PhDeploymentStatus withEndpoint = PhDeploymentStatus.builder()
        .from(status(Phase.DEPLOYED, "ok")).endpoint("https://hub/x").build();
    StatusPatch patch = StatusPatch.between(WireJson.mapper().valueToTree(withEndpoint),
        HistorySummary.EMPTY, status(Phase.DEPLOYED, "ok"), null, 0);

    assertThat(apply(object(withEndpoint), patch).at("/status").has("endpoint")).isFalse();
  }

  @Test
  void aNewRecordGoesFirstAndPushesOutTheOldestBeyondTheRetainedCount() throws Exception {
    List<HistoryRecord> stored = new ArrayList<>();
    for (int i = 3; i >= 1; i--) {
      stored.add(HistoryRecord.of(T0.plusSeconds(i), spec("v" + i)));
    }
    PhDeploymentStatus status = PhDeploymentStatus.builder()
        .from(status(Phase.DEPLOYED, "ok")).history(stored).build();
    HistorySummary summary = CompactingDeploymentStore.compact(
        GenericObjects.phDeployment("a", spec("v3"), status)).summary();
    JsonNode storedStatus = withoutHistory(status);

    StatusPatch keepTwo = StatusPatch.between(storedStatus, summary,
        status(Phase.DEPLOYING, "ok"), HistoryRecord.of(T0.plusSeconds(4), spec("v4")), 2);
    JsonNode result = apply(object(status), keepTwo);

    assertThat(result.at("/status/history")).extracting(r -> r.at("/spec/displayName").asText())
        .containsExactly("v4", "v3", "v2");
    assertThat(summary.count()).isEqualTo(3);
  }

  @Test
  void theFirstRecordOfAnExistingStatusCreatesTheHistory() throws Exception {
    PhDeploymentStatus status = status(Phase.FAILED, "invalid");
    StatusPatch patch = StatusPatch.between(WireJson.mapper().valueToTree(status),
        HistorySummary.EMPTY, status, HistoryRecord.of(T0, spec("v1")), 0);

    assertThat(apply(object(status), patch).at("/status/history")).hasSize(1);
  }

  private static JsonNode apply(ObjectNode object, StatusPatch patch) throws Exception {
    return JsonPatch.apply(WireJson.mapper().readTree(patch.toJson()), object);
  }

  private static ObjectNode object(PhDeploymentStatus status) {
    ObjectNode object = WireJson.mapper().createObjectNode();
    object.putObject("metadata").put("name", "a");
    if (status != null) {
      object.set("status", WireJson.mapper().valueToTree(status));
    }
    return object;
  }

  private static JsonNode withoutHistory(PhDeploymentStatus status) {
    ObjectNode tree = WireJson.mapper().valueToTree(status);
    tree.remove("history");
    return tree;
  }

  static PhDeploymentStatus status(Phase phase, String message) {
    return PhDeploymentStatus.builder().phase(phase).message(message).replicas(2).build();
  }

  static PhDeploymentSpec spec(String displayName) {
    return PhDeploymentSpec.builder().displayName(displayName).groupName("phusers").build();
  }
}
