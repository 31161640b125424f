package io.primehub.phdeploy.testkit;

import static io.primehub.phdeploy.testkit.Observed.condition;
import static io.primehub.phdeploy.testkit.Observed.pods;
import static io.primehub.phdeploy.testkit.Observed.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

class QuotaWebhookTest extends ClusterTest {

  private static final String DENIAL =
      "admission webhook \"resources-validation-webhook.primehub.io\" denied the request:"
          + " Group phusers exceeded cpu quota: 8, requesting 9";
  private static final String REPLICA_FAILURE = "ReplicaFailure";

  @Test
  void aPodBeyondTheGroupsQuotaIsNotCreatedAndTheDeploymentSaysWhy() {
    fillTheQuota();

    assertThat(pods(client, "first")).hasSize(5);
    assertThat(pods(client, "second")).hasSize(3);
    DeploymentStatus status = status(client, "second");
    DeploymentCondition failure = condition(status, REPLICA_FAILURE).orElseThrow();
    assertThat(failure.getStatus()).isEqualTo("True");
    assertThat(failure.getReason()).isEqualTo("FailedCreate");
    assertThat(failure.getMessage()).isEqualTo(DENIAL);
    assertThat(status.getReplicas()).isEqualTo(3);
    assertThat(status.getUnavailableReplicas()).isEqualTo(1);
    assertThat(condition(status(client, "first"), REPLICA_FAILURE)).isEmpty();
  }

  @Test
  void theDenialReachesAnyClientThatCreatesSuchAPod() {
    fillTheQuota();
    Pod model = pods(client, "first").get(0);
    Pod extra = new PodBuilder(model)
        .withMetadata(new ObjectMetaBuilder().withName("extra").withNamespace(Workloads.NAMESPACE)
            .withLabels(model.getMetadata().getLabels()).build())
        .withStatus(null)
        .build();

    assertThatThrownBy(() -> client.resource(extra).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(400);
          assertThat(e.getStatus().getMessage()).isEqualTo(DENIAL);
        });
  }

  @Test
  void theDeploymentGetsItsPodOnceAnotherPodOfTheGroupGoes() {
    fillTheQuota();

    Observed.scale(client, "first", 4);
    cluster.awaitIdle();

    assertThat(pods(client, "second")).hasSize(4);
    assertThat(condition(status(client, "second"), REPLICA_FAILURE)).isEmpty();
    assertThat(status(client, "second").getAvailableReplicas()).isEqualTo(4);
  }

  @Test
  void aGroupWhoseQuotaLimitsNothingGetsEveryPod() {
    client.resource(Workloads.deployment("free").group("sandbox").replicas(10).build()).create();
    cluster.awaitIdle();

    assertThat(pods(client, "free")).hasSize(10);
    assertThat(condition(status(client, "free"), REPLICA_FAILURE)).isEmpty();
  }

  /** Asks for nine pods of one CPU of the group phusers, whose quota is eight CPUs. */
  private void fillTheQuota() {
    client.resource(Workloads.deployment("first").replicas(5).build()).create();
    client.resource(Workloads.deployment("second").replicas(4).build()).create();
    cluster.awaitIdle();
  }
}
