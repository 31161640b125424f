package io.primehub.phdeploy.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded controller deploys on a cluster that runs no other controller. */
class EmbeddedControllerTest {

  @Test
  void anApplicationEmbedsTheControllerWithItsHookAuditAndMetrics() {
    try (InMemoryCluster cluster = InMemoryCluster.builder().fixtureCatalog().start();
        EmbeddedController embedded = EmbeddedController.start(
            cluster.newClient(), cluster.catalog(), cluster.gateway().baseUrl().toString())) {
      PhDeployments deployments = PhDeployments.using(cluster.client()).inNamespace("hub");

      deployments.create(Fixtures.SPAM_CLASSIFIER, Fixtures.spamClassifier().getSpec());
      deployments.awaitPhase(Fixtures.SPAM_CLASSIFIER, Phase.DEPLOYED, Duration.ofSeconds(60));
      cluster.awaitIdle();

      assertThat(cluster.client().apps().deployments().inNamespace("hub")
          .withName("deploy-" + Fixtures.SPAM_CLASSIFIER).get().getMetadata().getLabels())
          .containsEntry(CostCenterLabels.LABEL, "cc-4711");
      assertThat(cluster.client().pods().inNamespace("hub")
          .withLabel(PodLabels.DEPLOYMENT, Fixtures.SPAM_CLASSIFIER).list().getItems())
          .hasSize(2)
          .allSatisfy(pod -> assertThat(labels(pod)).containsEntry(CostCenterLabels.LABEL, "cc-4711"));
      assertThat(embedded.auditTrail()).containsExactly(
          "hub/spam-classifier-abcxy: no status -> Deploying",
          "hub/spam-classifier-abcxy: Deploying -> Deployed");
      assertThat(embedded.metrics().get("phdeploy.reconcile").tag("outcome", "success")
          .timer().count()).isPositive();
    }
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels();
  }
}
