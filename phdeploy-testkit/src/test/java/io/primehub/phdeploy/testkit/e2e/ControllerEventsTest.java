package io.primehub.phdeploy.testkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.controller.processing.EventQueue;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Events the controller records: written beside the reconciles rather than in them, so that
 * an API server slow to take events holds up no deployment; bounded, so that one that takes
 * none costs no unbounded memory; and, when Normal events are switched off, still a Warning for
 * every failure.
 */
class ControllerEventsTest {

  /** Longer than any wait of these tests: a request held this long never answers in them. */
  private static final Duration NEVER = Duration.ofHours(1);
  private static final String INSTANCE_TYPE = "cpu-only";

  @Test
  void aDeploymentIsDeployedWhileTheApiServerHoldsItsEvents() {
    try (PhDeployEnvironment env = PhDeployEnvironment.builder()
        // The controller's client would wait as long as the server holds a request, and would
        // give up on none of them; only a short drain lets it stop.
        .controllerClient(config -> config.withRequestTimeout((int) NEVER.toMillis()))
        .controller(controller -> controller.drain(Duration.ofMillis(100)))
        .start()) {
      env.cluster().faults().on(Verb.CREATE, "events").delay(NEVER);

      Journey.deployFixture(env.deployments());

      assertThat(env.deployments().require(Journey.NAME).getStatus().phase())
          .isEqualTo(Phase.DEPLOYED);
    }
  }

  @Test
  void withoutNormalEventsOnlyAFailureIsRecordedAsAWarning() {
    try (PhDeployEnvironment env = PhDeployEnvironment.builder()
        .config(config -> config.normalEvents(false))
        .start()) {
      InMemoryCluster cluster = env.cluster();
      PhDeployments deployments = env.deployments();
      env.awaitIdle();
      cluster.journal().reset();

      Journey.deployFixture(deployments);
      env.awaitIdle();
      RequestCounts deployed = controllerRequests(cluster);
      assertThat(deployed.writes()).as(deployed.toString()).isEqualTo(5);
      assertThat(Verdicts.events(cluster.client(), Journey.NAME)).isEmpty();

      cluster.catalog().removeInstanceType(INSTANCE_TYPE);
      Verdicts.awaitFailed(deployments, Journey.NAME);
      cluster.catalog().put(Fixtures.catalog().instanceType(INSTANCE_TYPE).orElseThrow());
      Verdicts.await(cluster.client(), Journey.NAME, Phase.DEPLOYED);
      env.awaitIdle();

      assertThat(Verdicts.events(cluster.client(), Journey.NAME)).singleElement()
          .satisfies(event -> {
            assertThat(event.getType()).isEqualTo("Warning");
            assertThat(event.getReason()).isEqualTo("InstanceTypeNotFound");
          });
    }
  }

  @Test
  void aFullEventQueueDropsAndCountsWhatDoesNotFitAndClosingDropsWhatWaits()
      throws InterruptedException {
    try (InMemoryCluster cluster = InMemoryCluster.start();
        KubernetesClient client = cluster.newClient(
            config -> config.withRequestTimeout((int) NEVER.toMillis()))) {
      cluster.faults().on(Verb.CREATE, "events").delay(NEVER);
      EventQueue queue = new EventQueue(client, 1);

      // The first is being written (and held by the server), the second waits, the third has
      // no room.
      queue.add(event("first"));
      queue.add(event("second"));
      queue.add(event("third"));

      assertThat(queue.dropped()).isEqualTo(1);
      assertThat(queue.awaitWritten(Duration.ZERO)).isFalse();
      queue.close(Duration.ZERO);
      // The second is dropped; the first, abandoned, is no longer waited for.
      assertThat(queue.dropped()).isEqualTo(2);
      assertThat(queue.awaitWritten(Journey.WAIT)).isTrue();
      queue.add(event("after closing"));
      assertThat(queue.dropped()).isEqualTo(3);
    }
  }

  private static Event event(String name) {
    return new EventBuilder()
        .withNewMetadata().withNamespace(Journey.NAMESPACE).withName(name).endMetadata()
        .withNewInvolvedObject().withKind("PhDeployment").withName(Journey.NAME)
        .endInvolvedObject()
        .withReason("Deploying")
        .withType("Normal")
        .build();
  }

  private static RequestCounts controllerRequests(InMemoryCluster cluster) {
    return cluster.journal().snapshot().fromUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT);
  }
}
