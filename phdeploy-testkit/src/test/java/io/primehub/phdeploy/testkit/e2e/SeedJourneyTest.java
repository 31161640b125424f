package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The seed's user journey, from creating the fixture to deleting it, on the testkit. */
@PhDeployTest
class SeedJourneyTest {

  private static final Duration WAIT = Journey.WAIT;
  private static final String RETRAINED = "sandhya1594/spam-classifier:1.0.0.2";

  @Test
  void createPredictUpdateScaleStopStartDelete(
      PhDeployEnvironment env, InMemoryCluster cluster, PhDeployments deployments) {
    env.models().serve(Journey.IMAGE, Journey.summing());
    env.models().serve(RETRAINED, Journey.summing());
    List<Phase> phases = new CopyOnWriteArrayList<>();

    PhDeployment fixture = Journey.fixture();
    deployments.create(fixture.name(), fixture.getSpec());
    PhDeploymentStatus deployed = deployments.awaitPhase(
        Journey.NAME, Phase.DEPLOYED, WAIT, progress -> phases.add(progress.phase()));

    assertThat(phases).contains(Phase.DEPLOYING).last().isEqualTo(Phase.DEPLOYED);
    URI endpoint = env.gateway().predictionUrl(Journey.NAME);
    assertThat(deployed.endpoint()).isEqualTo(endpoint.toString());
    HttpResponse<String> prediction = Journey.predict(endpoint, Journey.ROWS);
    assertThat(prediction.statusCode()).isEqualTo(200);
    assertThat(Journey.message(prediction).data().ndarrayAsDoubles())
        .containsExactly(List.of(3.0), List.of(7.5));

    deployments.changeImage(Journey.NAME, RETRAINED, "retrained on May data");
    deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, WAIT);
    assertThat(deployments.require(Journey.NAME)).isDeployed().hasObservedItsGeneration()
        .hasHistorySize(2);
    assertThat(deployments.history(Journey.NAME).get(0).spec().predictor().modelImage())
        .isEqualTo(RETRAINED);
    env.awaitIdle();
    assertThat(Journey.pods(cluster, Journey.NAME)).hasSize(2).allSatisfy(pod ->
        assertThat(pod.getSpec().getContainers()).extracting(Container::getImage)
            .contains(RETRAINED));

    deployments.scale(Journey.NAME, 3, "more traffic");
    deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, WAIT);
    assertThat(deployments.require(Journey.NAME)).hasReplicas(3).hasAvailableReplicas(3);

    phases.clear();
    deployments.stop(Journey.NAME);
    deployments.awaitPhase(Journey.NAME, Phase.STOPPED, WAIT,
        progress -> phases.add(progress.phase()));
    env.awaitIdle();
    assertThat(Journey.pods(cluster, Journey.NAME)).isEmpty();
    assertThat(events(cluster)).extracting(Event::getReason).contains("Stopping", "Stopped");

    deployments.start(Journey.NAME);
    deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, WAIT);
    assertThat(deployments.require(Journey.NAME)).hasAvailableReplicas(3).hasHistorySize(5);

    assertThat(deployments.delete(Journey.NAME)).isTrue();
    cluster.awaitCollected("hub", Journey.NAME, WAIT);
    assertThat(cluster.client().apps().deployments().inNamespace("hub").list().getItems())
        .isEmpty();
    assertThat(cluster.client().services().inNamespace("hub").list().getItems()).isEmpty();
    assertThat(cluster.client().network().v1().ingresses().inNamespace("hub").list().getItems())
        .isEmpty();
    assertThat(Journey.pods(cluster, Journey.NAME)).isEmpty();
  }

  private static List<Event> events(InMemoryCluster cluster) {
    return cluster.client().v1().events().inNamespace("hub").list().getItems();
  }

}
