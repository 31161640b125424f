package io.primehub.phdeploy.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.catalog.InMemoryCatalogSource;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.k8s.testing.Fixtures;
import io.primehub.phdeploy.k8s.testing.SteppingClock;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller against fabric8's mock API server, the test playing Kubernetes' deployment
 * controller by writing the Deployment's status. The full journey with simulated pods is the
 * testkit's.
 */
@EnableCrudMockServer
class PhDeployControllerTest {

  private static final String NAME = "spam-classifier-abcxy";
  private static final String OWNED = "deploy-" + NAME;
  private static final String BASE_URL = "https://hub.example";

  KubernetesClient client;
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-05-01T08:00:00Z"));
  private final InMemoryCatalogSource catalog = Fixtures.catalog();
  private PhDeployController controller;

  @BeforeEach
  void startController() {
    PhDeploymentCrd.installIfAbsent(client);
    controller = newController();
    controller.start();
  }

  @AfterEach
  void stopController() {
    controller.close();
  }

  @Test
  void aCreatedDeploymentGetsItsOwnedResourcesStatusAndHistoryThenDeploys() {
    client.resource(Fixtures.spamClassifier()).create();

    PhDeploymentStatus deploying = awaitStatus(s -> s.phase() == Phase.DEPLOYING);
    Deployment deployment = client.apps().deployments().inNamespace("hub").withName(OWNED).get();
    assertThat(deployment.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> {
          assertThat(owner.getKind()).isEqualTo("PhDeployment");
          assertThat(owner.getName()).isEqualTo(NAME);
          assertThat(owner.getController()).isTrue();
        });
    assertThat(client.services().inNamespace("hub").withName(OWNED).get()).isNotNull();
    assertThat(client.network().v1().ingresses().inNamespace("hub").withName(OWNED).get())
        .isNotNull();
    assertThat(deploying.history()).hasSize(1);
    assertThat(deploying.history().get(0).time()).isEqualTo("2026-05-01T08:00:00Z");
    assertThat(deploying.observedGeneration()).isEqualTo(1L);
    assertThat(deploying.replicas()).isEqualTo(2);
    assertThat(deploying.endpoint())
        .isEqualTo(BASE_URL + "/deployment/" + NAME + "/api/v1.0/predictions");

    rolledOut(2);

    PhDeploymentStatus deployed = awaitStatus(s -> s.phase() == Phase.DEPLOYED);
    assertThat(deployed.availableReplicas()).isEqualTo(2);
    assertThat(deployed.history()).as("a status change adds no record").hasSize(1);
    assertThat(deployed.conditions()).singleElement()
        .satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));
    assertThat(awaitEvents(events -> events.size() >= 2))
        .extracting(Event::getReason).containsExactlyInAnyOrder("Deploying", "Deployed");
  }

  @Test
  void aRestartedControllerOverADeployedDeploymentWritesNothing() {
    client.resource(Fixtures.spamClassifier()).create();
    awaitStatus(s -> s.phase() == Phase.DEPLOYING);
    rolledOut(2);
    awaitStatus(s -> s.phase() == Phase.DEPLOYED);
    awaitIdle(controller);
    String statusVersion = phDeployment().getMetadata().getResourceVersion();
    String deploymentVersion = deployment().getMetadata().getResourceVersion();
    int events = events().size();

    controller.close();
    clock.advance(Duration.ofHours(3));
    controller = newController();
    controller.start();
    awaitIdle(controller);

    assertThat(phDeployment().getMetadata().getResourceVersion()).isEqualTo(statusVersion);
    assertThat(deployment().getMetadata().getResourceVersion()).isEqualTo(deploymentVersion);
    assertThat(events()).hasSize(events);
    assertThat(phDeployment().getStatus().history()).hasSize(1);
  }

  @Test
  void aGroupWithoutModelDeploymentFailsAndRecoversWhenTheAdminEnablesIt() {
    PhDeployment sandboxed = Fixtures.spamClassifier();
    sandboxed.setSpec(ImmutablePhDeploymentSpec.copyOf(sandboxed.getSpec()).withGroupName("sandbox"));
    client.resource(sandboxed).create();

    PhDeploymentStatus failed = awaitStatus(s -> s.phase() == Phase.FAILED);
    assertThat(failed.reason()).isEqualTo(FailureReason.DEPLOYMENT_NOT_ENABLED);
    assertThat(failed.message()).contains("sandbox");
    assertThat(deployment()).isNull();

    catalog.enableModelDeployment("sandbox");

    awaitStatus(s -> s.phase() == Phase.DEPLOYING);
    assertThat(deployment()).isNotNull();
  }

  @Test
  void theDeployTimeoutFailsADeploymentExactlyWhenTheClockReachesIt() {
    client.resource(Fixtures.spamClassifier()).create();
    awaitStatus(s -> s.phase() == Phase.DEPLOYING);

    clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    controller.clockChanged();
    awaitIdle(controller);
    assertThat(phDeployment().getStatus().phase()).isEqualTo(Phase.DEPLOYING);

    clock.advance(Duration.ofSeconds(1));
    controller.clockChanged();
    PhDeploymentStatus timedOut = awaitStatus(s -> s.phase() == Phase.FAILED);
    assertThat(timedOut.reason()).isEqualTo(FailureReason.DEPLOY_TIMEOUT);
  }

  private PhDeployController newController() {
    return PhDeployController.builder(client)
        .catalog(catalog)
        .config(ControllerConfig.builder().baseUrl(BASE_URL).build())
        .clock(clock)
        .workers(2)
        .build();
  }

  private void rolledOut(int replicas) {
    Deployment deployment = deployment();
    deployment.setStatus(new DeploymentStatusBuilder()
        .withObservedGeneration(deployment.getMetadata().getGeneration())
        .withReplicas(replicas)
        .withUpdatedReplicas(replicas)
        .withReadyReplicas(replicas)
        .withAvailableReplicas(replicas)
        .build());
    client.resource(deployment).updateStatus();
  }

  private PhDeploymentStatus awaitStatus(Predicate<PhDeploymentStatus> condition) {
    return client.resources(PhDeployment.class).inNamespace("hub").withName(NAME)
        .waitUntilCondition(d -> d != null && d.getStatus() != null
            && condition.test(d.getStatus()), 20, TimeUnit.SECONDS)
        .getStatus();
  }

  private static void awaitIdle(PhDeployController controller) {
    try {
      assertThat(controller.awaitIdle(Duration.ofSeconds(20))).as("idle").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private PhDeployment phDeployment() {
    return client.resources(PhDeployment.class).inNamespace("hub").withName(NAME).get();
  }

  private Deployment deployment() {
    return client.apps().deployments().inNamespace("hub").withName(OWNED).get();
  }

  /** Events are written just after the status, so a test that saw the status waits for them. */
  private List<Event> awaitEvents(Predicate<List<Event>> condition) {
    try {
      return client.v1().events().inNamespace("hub").informOnCondition(condition)
          .get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the events did not come: " + events(), e);
    }
  }

  private List<Event> events() {
    return client.v1().events().inNamespace("hub").list().getItems();
  }
}
