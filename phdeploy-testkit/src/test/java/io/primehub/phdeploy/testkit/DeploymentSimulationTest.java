package io.primehub.phdeploy.testkit;

import static io.primehub.phdeploy.testkit.Observed.condition;
import static io.primehub.phdeploy.testkit.Observed.pods;
import static io.primehub.phdeploy.testkit.Observed.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DeploymentSimulationTest extends ClusterTest {

  private static final String NEW_IMAGE = "registry.example/spam:1.0.4";

  @Test
  void aDeploymentGetsRunningReadyPodsOwnedByItAndAnAvailableStatus() {
    Deployment created = client.resource(Workloads.deployment("spam").replicas(2).build()).create();

    cluster.awaitIdle();

    List<Pod> pods = pods(client, "spam");
    assertThat(pods).hasSize(2);
    for (Pod pod : pods) {
      assertThat(pod.getMetadata().getName())
          .matches("deploy-spam-[a-z0-9]+-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(pod.getMetadata().getLabels())
          .containsEntry("app", "primehub-group")
          .containsEntry("primehub.io/phdeployment", "spam")
          .containsEntry("primehub.io/group", "phusers")
          .containsKey("pod-template-hash");
      OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
      assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
      assertThat(owner.getController()).isTrue();
      assertThat(pod.getSpec().getNodeName()).isEqualTo("cpu-node-1");
      assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
      assertThat(pod.getStatus().getContainerStatuses())
          .allSatisfy(status -> assertThat(status.getReady()).isTrue());
    }
    DeploymentStatus status = status(client, "spam");
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getReplicas()).isEqualTo(2);
    assertThat(status.getUpdatedReplicas()).isEqualTo(2);
    assertThat(status.getReadyReplicas()).isEqualTo(2);
    assertThat(status.getAvailableReplicas()).isEqualTo(2);
    assertThat(status.getUnavailableReplicas()).isZero();
    assertThat(condition(status, "Available").orElseThrow().getReason())
        .isEqualTo("MinimumReplicasAvailable");
    assertThat(condition(status, "Progressing").orElseThrow().getReason())
        .isEqualTo("NewReplicaSetAvailable");
  }

  @Test
  void scalingUpAndDownAndToZeroFollowsTheReplicas() {
    client.resource(Workloads.deployment("spam").replicas(2).build()).create();
    cluster.awaitIdle();

    scale(4);
    assertThat(pods(client, "spam")).hasSize(4);
    assertThat(status(client, "spam").getAvailableReplicas()).isEqualTo(4);

    scale(1);
    assertThat(pods(client, "spam")).hasSize(1);
    assertThat(status(client, "spam").getReplicas()).isEqualTo(1);

    scale(0);
    assertThat(pods(client, "spam")).isEmpty();
    DeploymentStatus status = status(client, "spam");
    assertThat(status.getReplicas()).isZero();
    assertThat(status.getAvailableReplicas()).isZero();
    assertThat(status.getObservedGeneration()).isEqualTo(4L);
  }

  @Test
  void aRollingUpdateSurgesFirstAndNeverLosesAvailabilityWhenNoneMayBeUnavailable()
      throws InterruptedException {
    client.resource(Workloads.deployment("spam").replicas(3).rolling(1, 0).build()).create();
    cluster.awaitIdle();
    String oldHash = templateHash(pods(client, "spam").get(0));

    PodCensus census = rollOut(3, template -> new PodTemplateSpecBuilder(template)
        .editSpec().editFirstContainer().withImage(NEW_IMAGE).endContainer().endSpec().build());

    List<Pod> pods = pods(client, "spam");
    assertThat(pods).hasSize(3).allSatisfy(pod -> {
      assertThat(templateHash(pod)).isNotEqualTo(oldHash);
      assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo(NEW_IMAGE);
    });
    assertThat(census.mostPods()).isEqualTo(4);
    assertThat(census.fewestReady()).isEqualTo(3);
    DeploymentStatus status = status(client, "spam");
    assertThat(status.getObservedGeneration()).isEqualTo(2L);
    assertThat(status.getUpdatedReplicas()).isEqualTo(3);
    assertThat(status.getAvailableReplicas()).isEqualTo(3);
    String replicaSet = "deploy-spam-" + templateHash(pods.get(0));
    assertThat(condition(status, "Progressing").orElseThrow().getMessage())
        .isEqualTo("ReplicaSet \"" + replicaSet + "\" has successfully progressed.");
  }

  @Test
  void aRollingUpdateMayTakeDownAsManyAsAllowedBeforeReplacing() throws InterruptedException {
    client.resource(Workloads.deployment("spam").replicas(4).rolling(0, 2).build()).create();
    cluster.awaitIdle();

    PodCensus census = rollOut(4, template -> new PodTemplateSpecBuilder(template)
        .editMetadata().addToAnnotations("restartedAt", "now").endMetadata().build());

    assertThat(pods(client, "spam")).hasSize(4);
    assertThat(census.mostPods()).isEqualTo(4);
    assertThat(census.fewestReady()).isEqualTo(2);
  }

  @Test
  void aRolloutThatMakesNoProgressForItsDeadlineSaysItTimedOut() {
    cluster.images().readinessDelay(Workloads.IMAGE, Duration.ofMinutes(15));
    client.resource(Workloads.deployment("spam").build()).create();
    cluster.awaitIdle();
    // Which of the two a real deployment controller shows depends on whether its pods' events
    // come before or after its own status write: both mean the rollout is under way.
    assertThat(condition(status(client, "spam"), "Progressing").orElseThrow().getReason())
        .isIn("NewReplicaSetCreated", "ReplicaSetUpdated");

    clock.advance(Duration.ofSeconds(599));
    cluster.awaitIdle();
    assertThat(condition(status(client, "spam"), "Progressing").orElseThrow().getStatus())
        .isEqualTo("True");

    clock.advance(Duration.ofSeconds(1));
    cluster.awaitIdle();
    DeploymentCondition timedOut = condition(status(client, "spam"), "Progressing").orElseThrow();
    assertThat(timedOut.getStatus()).isEqualTo("False");
    assertThat(timedOut.getReason()).isEqualTo("ProgressDeadlineExceeded");
    assertThat(timedOut.getMessage()).endsWith(" has timed out progressing.");

    clock.advance(Duration.ofMinutes(5));
    cluster.awaitIdle();
    assertThat(condition(status(client, "spam"), "Progressing").orElseThrow().getReason())
        .isEqualTo("NewReplicaSetAvailable");
  }

  /** Changes the pod template, and counts the pods the rollout runs while the cluster rolls. */
  private PodCensus rollOut(int replicas, UnaryOperator<PodTemplateSpec> change)
      throws InterruptedException {
    PodCensus census = PodCensus.watching(client, Workloads.NAMESPACE, replicas);
    client.apps().deployments().inNamespace(Workloads.NAMESPACE).withName("deploy-spam")
        .edit(d -> new DeploymentBuilder(d).editSpec()
            .withTemplate(change.apply(d.getSpec().getTemplate())).endSpec().build());
    cluster.awaitIdle();
    census.awaitReadyPods(
        pods(client, "spam").stream().map(pod -> pod.getMetadata().getName()).toList());
    census.close();
    return census;
  }

  private void scale(int replicas) {
    Observed.scale(client, "spam", replicas);
    cluster.awaitIdle();
  }

  private static String templateHash(Pod pod) {
    return pod.getMetadata().getLabels().get("pod-template-hash");
  }
}
