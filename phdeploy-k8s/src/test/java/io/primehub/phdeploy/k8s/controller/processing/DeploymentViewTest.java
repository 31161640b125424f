package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentViewTest {

  @Test
  void aSpecOfTheWrongShapeIsAnInvalidSpecOfItsOwnNotAnError() {
    GenericKubernetesResource malformed = GenericObjects.phDeployment("bad",
        Map.of("displayName", "x", "groupName", "phusers",
            "predictors", List.of(Map.of("name", "p", "replicas", "two"))), null);

    DeploymentView view = DeploymentView.of(malformed, HistorySummary.EMPTY);

    assertThat(view.spec()).isNull();
    assertThat(view.specProblem().failure().reason()).isEqualTo(FailureReason.INVALID_SPEC);
    assertThat(view.specProblem().getMessage()).contains("spec.predictors[0].replicas");
    assertThat(view.key()).isEqualTo("hub/bad");
  }

  @Test
  void aStatusTheControllerCannotReadIsTreatedAsAbsentButKeptForThePatch() {
    GenericKubernetesResource resource =
        GenericObjects.phDeployment("a", StatusPatchTest.spec("v1"), null);
    resource.getAdditionalProperties().put("status", Map.of("phase", "Exploded"));

    DeploymentView view = DeploymentView.of(resource, HistorySummary.EMPTY);

    assertThat(view.status()).isNull();
    assertThat(view.storedStatus().get("phase").asText()).isEqualTo("Exploded");
  }

  @Test
  void aReadableObjectGivesItsTypedResourceWithUidAndStatus() {
    DeploymentView view = DeploymentView.of(GenericObjects.phDeployment("a",
        StatusPatchTest.spec("v1"), StatusPatchTest.status(Phase.DEPLOYED, "ok")),
        HistorySummary.EMPTY);

    assertThat(view.toResource().getMetadata().getUid()).isEqualTo("uid-a");
    assertThat(view.toResource().phase()).contains(Phase.DEPLOYED);
    assertThat(view.generation()).isEqualTo(1L);
  }
}
