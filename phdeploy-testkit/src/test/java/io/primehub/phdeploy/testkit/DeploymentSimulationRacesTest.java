package io.primehub.phdeploy.testkit;

import static io.primehub.phdeploy.testkit.Observed.pods;
import static io.primehub.phdeploy.testkit.Observed.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulated deployment controller when its own requests and their events cross: an event
 * that arrives before the request's answer, and a request that fails with nothing left to bring
 * the work back.
 */
class DeploymentSimulationRacesTest extends ClusterTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aPodGoneBeforeItsCreationIsAnsweredIsReplaced() {
    // The pod is stored at once, its answer comes late: its events reach the simulators first.
    cluster.faults().on(Verb.CREATE, "pods").includingSimulators().times(1)
        .delay(Duration.ofSeconds(3));
    CompletableFuture<List<Pod>> created = client.pods().inNamespace(Workloads.NAMESPACE)
        .withLabel(PodLabels.DEPLOYMENT, "spam").informOnCondition(pods -> !pods.isEmpty());
    client.resource(Workloads.deployment("spam").build()).create();
    assertThat(created).succeedsWithin(WAIT);

    client.pods().resource(created.join().get(0)).delete();
    cluster.awaitIdle();

    Pod replacement = Observed.onlyPod(client, "spam");
    assertThat(replacement.getMetadata().getName())
        .isNotEqualTo(created.join().get(0).getMetadata().getName());
    assertThat(replacement.getStatus().getPhase()).isEqualTo("Running");
    assertThat(status(client, "spam").getAvailableReplicas()).isEqualTo(1);
  }

  @Test
  void anOldPodWhoseDeletionFailedIsDeletedAgain() {
    client.resource(Workloads.deployment("spam").build()).create();
    cluster.awaitIdle();
    Pod old = Observed.onlyPod(client, "spam");
    cluster.faults().on(Verb.DELETE, "pods").includingSimulators().times(1).respond(500);

    client.apps().deployments().inNamespace(Workloads.NAMESPACE).withName("deploy-spam")
        .edit(d -> new DeploymentBuilder(d).editSpec()
            .withTemplate(new PodTemplateSpecBuilder(d.getSpec().getTemplate())
                .editMetadata().addToAnnotations("restartedAt", "now").endMetadata().build())
            .endSpec().build());

    client.apps().deployments().inNamespace(Workloads.NAMESPACE)
        .withName("deploy-spam")
        .waitUntilCondition(d -> d.getStatus() != null
            && Long.valueOf(2).equals(d.getStatus().getObservedGeneration())
            && Integer.valueOf(1).equals(d.getStatus().getReplicas())
            && Integer.valueOf(1).equals(d.getStatus().getUpdatedReplicas())
            && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas()),
            WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(pods(client, "spam")).extracting(pod -> pod.getMetadata().getName())
        .doesNotContain(old.getMetadata().getName());
  }
}
