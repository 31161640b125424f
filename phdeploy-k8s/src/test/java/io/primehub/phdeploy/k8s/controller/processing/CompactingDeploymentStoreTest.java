package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.primehub.phdeploy.core.history.HistoryRing;
import io.primehub.phdeploy.core.history.SpecFingerprint;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.WireJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompactingDeploymentStoreTest {

  private final CompactingDeploymentStore store = new CompactingDeploymentStore();

  @Test
  void theStoreKeepsNoHistoryButASummaryTheControllerDecidesWith() {
    List<HistoryRecord> history = new ArrayList<>();
    for (int i = 32; i >= 1; i--) {
      history.add(HistoryRecord.of(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
          StatusPatchTest.spec("v" + i)));
    }
    PhDeploymentStatus status = PhDeploymentStatus.builder()
        .from(StatusPatchTest.status(Phase.DEPLOYED, "ok")).history(history).build();
    GenericKubernetesResource full =
        GenericObjects.phDeployment("a", StatusPatchTest.spec("v32"), status);

    store.put("hub/a", full);

    GenericKubernetesResource kept = store.get("hub/a");
    assertThat(statusKeys(kept)).contains("phase").doesNotContain("history");
    assertThat(statusKeys(full)).as("the informer's object is left whole").contains("history");
    HistorySummary summary = store.summary("hub/a");
    assertThat(summary.count()).isEqualTo(32);
    assertThat(summary.newestFingerprint()).isEqualTo(SpecFingerprint.of(StatusPatchTest.spec("v32")));
    assertThat(summary.newestTime()).isEqualTo(Instant.parse("2026-01-01T00:00:32Z"));
    assertThat(summary.recordBytes().get(0)).isEqualTo(HistoryRing.byteSize(history.get(0)));
    assertThat(WireJson.byteSize(kept.getAdditionalProperties()))
        .isLessThan(WireJson.byteSize(full.getAdditionalProperties()) / 10);
  }

  private static Set<String> statusKeys(GenericKubernetesResource resource) {
    Map<?, ?> status = (Map<?, ?>) resource.getAdditionalProperties().get("status");
    return status.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
  }

  @Test
  void removingForgetsTheSummaryAndAnObjectWithoutHistoryHasAnEmptyOne() {
    store.put("hub/a", GenericObjects.phDeployment("a", StatusPatchTest.spec("v1"), null));
    assertThat(store.summary("hub/a")).isEqualTo(HistorySummary.EMPTY);

    store.remove("hub/a");
    assertThat(store.get("hub/a")).isNull();
    assertThat(store.size()).isZero();
  }

  @Test
  void aMalformedNewestRecordMatchesNoSpecSoTheCurrentOneIsRecordedAgain() {
    GenericKubernetesResource resource =
        GenericObjects.phDeployment("a", StatusPatchTest.spec("v1"), null);
    resource.getAdditionalProperties().put("status", Map.of("history", List.of(
        Map.of("time", "not a time", "spec", Map.of("predictors", "oops")))));

    store.put("hub/a", resource);

    assertThat(store.summary("hub/a").newestFingerprint()).isNull();
    assertThat(store.summary("hub/a").newestTime()).isNull();
    assertThat(store.summary("hub/a").count()).isEqualTo(1);
  }
}
