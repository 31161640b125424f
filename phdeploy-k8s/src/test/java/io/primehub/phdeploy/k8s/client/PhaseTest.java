package io.primehub.phdeploy.k8s.client;

import static io.primehub.phdeploy.k8s.client.TestCluster.NAME;
import static io.primehub.phdeploy.k8s.client.TestCluster.NAMESPACE;
import static io.primehub.phdeploy.k8s.client.TestCluster.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting for and watching phases, with a second thread playing the controller: it writes each
 * status through the status subresource once the waiting side has seen the one before, so that
 * no step can be missed.
 *
 * <p>Each wait here ends on the last event the controller causes. fabric8's mock server can block
 * its event loop for many seconds when a watch is closed while it is sending that watch an event
 * (its watch listener awaits, on the event loop, a send that needs the event loop), so a test
 * that writes while a watch closes fails now and then with "Unable to close MockWebServer".
 */
@EnableCrudMockServer
class PhaseTest extends MockClusterTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  ExecutorService controller;

  @BeforeEach
  void setUp() {
    cluster.createFixture();
    controller = Executors.newSingleThreadExecutor();
  }

  /** Lets the controller's last step finish: no request may be in flight when the server stops. */
  @AfterEach
  void tearDown() throws InterruptedException {
    controller.shutdown();
    assertThat(controller.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void awaitReturnsTheStatusOnceTheControllerReportsThePhaseAndReportsEveryStep() {
    cluster.writeStatus(NAME, status(Phase.DEPLOYING, 1, 2, 0, "Deploying"));
    List<DeploymentProgress> seen = new CopyOnWriteArrayList<>();

    PhDeploymentStatus reached = deployments.awaitPhase(NAME, Phase.DEPLOYED, PATIENCE,
        controllerSteps(seen,
            () -> cluster.writeStatus(NAME, status(Phase.DEPLOYING, 1, 2, 1, "1 of 2 available")),
            () -> cluster.writeStatus(NAME, status(Phase.DEPLOYED, 1, 2, 2, "Deployed"))));

    assertThat(reached).isEqualTo(cluster.stored(NAME).getStatus());
    assertThat(reached.phase()).isEqualTo(Phase.DEPLOYED);
    assertThat(seen).extracting(p -> p.phase() + " " + p.availableReplicas() + "/" + p.replicas())
        .containsExactly("Deploying 0/2", "Deploying 1/2", "Deployed 2/2");
    assertThat(seen).extracting(DeploymentProgress::message)
        .containsExactly("Deploying", "1 of 2 available", "Deployed");
    assertThat(seen).extracting(DeploymentProgress::elapsed).isSorted();
    assertThat(seen).allSatisfy(p -> assertThat(p.name()).isEqualTo(NAME));
  }

  @Test
  void aDeployedLeftOverFromBeforeAnUpdateDoesNotEndTheWait() {
    cluster.writeStatus(NAME, status(Phase.DEPLOYED, 1, 2, 2, "Deployed"));
    deployments.scale(NAME, 3, "more traffic");
    long generation = cluster.generation(NAME);
    List<DeploymentProgress> seen = new CopyOnWriteArrayList<>();

    PhDeploymentStatus reached = deployments.awaitPhase(NAME, Phase.DEPLOYED, PATIENCE,
        controllerSteps(seen,
            () -> cluster.writeStatus(NAME, status(Phase.DEPLOYING, generation, 3, 2, "Deploying")),
            () -> cluster.writeStatus(NAME, status(Phase.DEPLOYED, generation, 3, 3, "Deployed"))));

    assertThat(generation).isEqualTo(2);
    assertThat(reached.observedGeneration()).isEqualTo(generation);
    assertThat(reached.availableReplicas()).isEqualTo(3);
    assertThat(seen).extracting(DeploymentProgress::phase)
        .containsExactly(Phase.DEPLOYED, Phase.DEPLOYING, Phase.DEPLOYED);
  }

  @Test
  void aFailureEndsTheWaitWithTheReasonAndTheMessage() {
    cluster.writeStatus(NAME, status(Phase.DEPLOYING, 1, 2, 0, "Deploying"));
    String message = "the image registry.example/spam:9.9.9 cannot be pulled: not found";

    assertThatThrownBy(() -> deployments.awaitPhase(NAME, Phase.DEPLOYED, PATIENCE,
        controllerSteps(new CopyOnWriteArrayList<>(), () -> cluster.writeStatus(NAME,
            PhDeploymentStatus.builder().from(status(Phase.FAILED, 1, 2, 0, message))
                .reason(FailureReason.IMAGE_PULL_FAILED).build()))))
        .isInstanceOfSatisfying(PhDeploymentFailedException.class, e -> {
          assertThat(e.reason()).contains(FailureReason.IMAGE_PULL_FAILED);
          assertThat(e.statusMessage()).isEqualTo(message);
          assertThat(e.status()).isEqualTo(cluster.stored(NAME).getStatus());
        })
        .hasMessage("PhDeployment hub/" + NAME + " failed (ImagePullFailed): " + message);
  }

  @Test
  void aFailureLeftOverFromBeforeAnUpdateDoesNotEndTheWait() {
    cluster.writeStatus(NAME, PhDeploymentStatus.builder()
        .from(status(Phase.FAILED, 1, 2, 0, "image not found"))
        .reason(FailureReason.IMAGE_PULL_FAILED).build());
    deployments.changeImage(NAME, "registry.example/spam:1.0.4", "fixed the tag");

    PhDeploymentStatus reached = deployments.awaitPhase(NAME, Phase.DEPLOYED, PATIENCE,
        controllerSteps(new CopyOnWriteArrayList<>(),
            () -> cluster.writeStatus(NAME, status(Phase.DEPLOYED, 2, 2, 2, "Deployed"))));

    assertThat(reached.phase()).isEqualTo(Phase.DEPLOYED);
    assertThat(reached.observedGeneration()).isEqualTo(2);
  }

  @Test
  void aPhaseReachedAlreadyEndsTheWaitAtOnceAndFailedCanBeAwaited() {
    PhDeploymentStatus failed = cluster.writeStatus(NAME, PhDeploymentStatus.builder()
        .from(status(Phase.FAILED, 1, 2, 0, "crashing"))
        .reason(FailureReason.CONTAINER_CRASHING).build());
    List<DeploymentProgress> seen = new CopyOnWriteArrayList<>();

    assertThat(deployments.awaitPhase(NAME, Phase.FAILED, PATIENCE, seen::add)).isEqualTo(failed);
    assertThat(seen).singleElement().satisfies(p -> {
      assertThat(p.phase()).isEqualTo(Phase.FAILED);
      assertThat(p.reason()).isEqualTo(FailureReason.CONTAINER_CRASHING);
    });
  }

  @Test
  void aTimeoutSaysWhatWasSeenLast() {
    cluster.writeStatus(NAME, status(Phase.DEPLOYING, 1, 2, 1, "1 of 2 replicas available"));

    assertThatThrownBy(() -> deployments.awaitPhase(NAME, Phase.DEPLOYED, Duration.ofMillis(300)))
        .isInstanceOfSatisfying(PhDeploymentTimeoutException.class, e -> {
          assertThat(e.target()).isEqualTo(Phase.DEPLOYED);
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
          assertThat(e.lastStatus()).isEqualTo(cluster.stored(NAME).getStatus());
        })
        .hasMessage("PhDeployment hub/" + NAME + " did not reach Deployed within PT0.3S;"
            + " last seen: phase Deploying, message \"1 of 2 replicas available\"");
  }

  @Test
  void aTimeoutBeforeAnyStatusAsksWhetherTheControllerRuns() {
    assertThatThrownBy(() -> deployments.awaitPhase(NAME, Phase.DEPLOYED, Duration.ofMillis(200)))
        .isInstanceOf(PhDeploymentTimeoutException.class)
        .hasMessageEndingWith("last seen: no phase yet; is the controller running?");
  }

  @Test
  void aMissingDeploymentIsNotFound() {
    assertThatThrownBy(() -> deployments.awaitPhase("missing", Phase.DEPLOYED, PATIENCE))
        .isInstanceOf(PhDeploymentNotFoundException.class)
        .hasMessage("PhDeployment hub/missing not found");
  }

  @Test
  void aDeploymentDeletedWhileAwaitedIsNotFound() {
    assertThatThrownBy(() -> deployments.awaitPhase(NAME, Phase.DEPLOYED, PATIENCE,
        controllerSteps(new CopyOnWriteArrayList<>(),
            () -> cluster.writeStatus(NAME, status(Phase.DEPLOYING, 1, 2, 0, "Deploying")),
            () -> cluster.writeStatus(NAME, status(Phase.DEPLOYING, 1, 2, 1, "Deploying")),
            () -> deployments.delete(NAME))))
        .isInstanceOf(PhDeploymentNotFoundException.class)
        .hasMessage("PhDeployment hub/" + NAME + " was deleted before it reached Deployed");
  }

  @Test
  void aFailingProgressCallbackEndsTheWaitWithItsException() {
    IllegalStateException broken = new IllegalStateException("broken callback");

    assertThatThrownBy(() -> deployments.awaitPhase(NAME, Phase.DEPLOYED, PATIENCE, progress -> {
      throw broken;
    })).isSameAs(broken);
  }

  @Test
  void watchPhasesReportsEachChangeOfPhase() throws InterruptedException {
    BlockingQueue<PhaseChange> changes = new LinkedBlockingQueue<>();
    cluster.writeStatus(NAME, status(Phase.DEPLOYING, 1, 2, 0, "Deploying"));

    Subscription watch = deployments.watchPhases(NAME, changes::add);
    try {
      assertThat(next(changes)).extracting(PhaseChange::previous, PhaseChange::phase)
          .containsExactly(null, Phase.DEPLOYING);

      cluster.writeStatus(NAME, status(Phase.DEPLOYING, 1, 2, 1, "1 of 2 available"));
      PhDeploymentStatus deployed =
          cluster.writeStatus(NAME, status(Phase.DEPLOYED, 1, 2, 2, "Deployed"));
      PhaseChange change = next(changes);
      assertThat(change.previous()).isEqualTo(Phase.DEPLOYING);
      assertThat(change.phase()).isEqualTo(Phase.DEPLOYED);
      assertThat(change.message()).isEqualTo("Deployed");
      assertThat(change.status()).isEqualTo(deployed);

      cluster.writeStatus(NAME, PhDeploymentStatus.builder()
          .from(status(Phase.FAILED, 1, 2, 0, "crashing")).reason(FailureReason.CONTAINER_CRASHING)
          .build());
      assertThat(next(changes)).extracting(PhaseChange::previous, PhaseChange::phase,
              PhaseChange::reason)
          .containsExactly(Phase.DEPLOYED, Phase.FAILED, FailureReason.CONTAINER_CRASHING);
    } finally {
      watch.close();
    }
  }

  /**
   * Progress that the test records, and that makes the controller take its next step each time
   * the waiting side has seen the previous one, so that no step can be missed.
   */
  private Consumer<DeploymentProgress> controllerSteps(
      List<DeploymentProgress> seen, Runnable... steps) {
    return progress -> {
      seen.add(progress);
      if (seen.size() <= steps.length) {
        controller.submit(steps[seen.size() - 1]);
      }
    };
  }

  private static PhaseChange next(BlockingQueue<PhaseChange> changes)
      throws InterruptedException {
    PhaseChange change = changes.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(change).as("a phase change within " + PATIENCE).isNotNull();
    return change;
  }
}
