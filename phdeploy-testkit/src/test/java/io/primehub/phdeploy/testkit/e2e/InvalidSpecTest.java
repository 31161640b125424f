package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specs that the SDK would refuse but that reached the cluster anyway, written with a raw client
 * as kubectl or an older tool would: the controller fails each one with the reason and the field
 * to fix, runs nothing for it, keeps serving every other deployment, and deploys it once its spec
 * is fixed.
 */
@PhDeployTest
class InvalidSpecTest {

  private static final Breakage WRONG_TYPE = new Breakage("replicas written as a word",
      FailureReason.INVALID_SPEC,
      spec -> predictor(spec).put("replicas", "two"),
      "spec.predictors[0].replicas: expected a whole number, got \"two\"");

  static Stream<Breakage> breakages() {
    return Stream.of(
        WRONG_TYPE,
        new Breakage("predictors not a list", FailureReason.INVALID_SPEC,
            spec -> spec.put("predictors", "predictor1"),
            "spec.predictors: expected a list"),
        new Breakage("no predictors", FailureReason.INVALID_SPEC,
            spec -> spec.remove("predictors"),
            "spec.predictors: is empty; add a predictor with a name, a modelImage and an"
                + " instanceType"),
        new Breakage("an uppercase image reference", FailureReason.IMAGE_INVALID,
            spec -> predictor(spec).put("modelImage", "Sandhya1594/Spam-Classifier:1.0.0.1"),
            "spec.predictors[0].modelImage", "lowercase"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void failsTheObjectAndDeploysItOnceItsSpecIsFixed(
      Breakage breakage, PhDeployEnvironment env, KubernetesClient client) {
    createBroken(client, Journey.NAME, breakage);

    PhDeployment failed = Verdicts.await(client, Journey.NAME, Phase.FAILED);
    assertThat(failed).isFailedWith(breakage.reason()).hasReplicas(0);
    breakage.words().forEach(words -> assertThat(failed).hasMessageContaining(words));
    env.awaitIdle();
    assertThat(Verdicts.deploymentOf(client, Journey.NAME)).isNull();

    Object validSpec = WireJson.mapper().convertValue(Journey.fixture().getSpec(), Object.class);
    Verdicts.raw(client, Journey.NAME).edit(object -> {
      object.setAdditionalProperty("spec", validSpec);
      return object;
    });
    assertThat(Verdicts.await(client, Journey.NAME, Phase.DEPLOYED)).hasAvailableReplicas(2);
  }

  @Test
  void aMalformedObjectStopsNoOtherDeploymentNorARestartedController(
      PhDeployEnvironment env, KubernetesClient client, PhDeployments deployments) {
    createBroken(client, "spam-classifier-broken", WRONG_TYPE);
    deployments.create("spam-classifier-first", Journey.fixture().getSpec());
    deployments.awaitPhase("spam-classifier-first", Phase.DEPLOYED, Verdicts.WAIT);
    assertThat(Verdicts.await(client, "spam-classifier-broken", Phase.FAILED))
        .isFailedWith(FailureReason.INVALID_SPEC);

    // A new controller meets the malformed object in its first list of PhDeployments.
    env.restartController();
    deployments.create("spam-classifier-second", Journey.fixture().getSpec());

    deployments.awaitPhase("spam-classifier-second", Phase.DEPLOYED, Verdicts.WAIT);
    assertThat(deployments.require("spam-classifier-first")).isDeployed();
    assertThat(Verdicts.await(client, "spam-classifier-broken", Phase.FAILED))
        .isFailedWith(FailureReason.INVALID_SPEC);
  }

  /** Creates the fixture under this name, broken, as a client that skips validation would. */
  private static void createBroken(KubernetesClient client, String name, Breakage breakage) {
    ObjectNode object = WireJson.mapper().valueToTree(Journey.fixture());
    ((ObjectNode) object.get("metadata")).put("name", name);
    breakage.breakSpec().accept((ObjectNode) object.get("spec"));
    client.genericKubernetesResources(PhDeploymentCrd.context()).inNamespace(Journey.NAMESPACE)
        .resource(WireJson.mapper().convertValue(object, GenericKubernetesResource.class))
        .create();
  }

  private static ObjectNode predictor(ObjectNode spec) {
    return (ObjectNode) spec.get("predictors").get(0);
  }

  /**
   * A way a spec can be broken: what to do to it, and the reason and words the status must show.
   */
  record Breakage(
      String title, FailureReason reason, Consumer<ObjectNode> breakSpec, List<String> words) {

    Breakage(String title, FailureReason reason, Consumer<ObjectNode> breakSpec, String... words) {
      this(title, reason, breakSpec, List.of(words));
    }

    @Override
    public String toString() {
      return title;
    }
  }
}
