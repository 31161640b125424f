package io.primehub.phdeploy.k8s.client;

import static io.primehub.phdeploy.k8s.client.TestCluster.NAME;
import static io.primehub.phdeploy.k8s.client.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableCrudMockServer
class UpdateTest extends MockClusterTest {

  @BeforeEach
  void setUp() {
    cluster.createFixture();
    deployments = deployments.withConflictRetry(3, Duration.ofMillis(1));
  }

  @Test
  void anUpdateAppliesTheChangeAndTheMessageAndRaisesTheGeneration() {
    long generation = cluster.generation(NAME);

    PhDeployment updated = deployments.update(NAME,
        spec -> ImmutablePhDeploymentSpec.copyOf(spec).withDescription("retrained"),
        "retrained on May data");

    ImmutablePhDeploymentSpec stored = cluster.storedSpec(NAME);
    assertThat(stored).isEqualTo(ImmutablePhDeploymentSpec.copyOf(cluster.fixtureSpec())
        .withDescription("retrained").withUpdateMessage("retrained on May data"));
    assertThat(updated.getSpec()).isEqualTo(stored);
    assertThat(cluster.generation(NAME)).isEqualTo(generation + 1);
  }

  @Test
  void anUpdateLeavesTheStatusToTheController() {
    PhDeploymentStatus status = cluster.writeStatus(NAME,
        TestCluster.status(Phase.DEPLOYED, 1, 2, 2, "Deployed"));

    deployments.scale(NAME, 3, "more traffic");

    assertThat(cluster.stored(NAME).getStatus()).isEqualTo(status);
  }

  @Test
  void aChangeThatChangesNothingButTheMessageWritesNothing() {
    String version = cluster.stored(NAME).getMetadata().getResourceVersion();

    PhDeployment result = deployments.update(NAME, UnaryOperator.identity(), "nothing really");

    assertThat(cluster.stored(NAME).getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(cluster.storedSpec(NAME).updateMessage()).isNull();
    assertThat(result.getSpec()).isEqualTo(cluster.fixtureSpec());
  }

  @Test
  void aConcurrentChangeMakesTheWriteConflictAndTheChangeIsAppliedAgainOnTopOfIt() {
    AtomicInteger calls = new AtomicInteger();

    deployments.update(NAME, spec -> {
      if (calls.incrementAndGet() == 1) {
        cluster.changeSpec(NAME, s -> s.withDescription("changed concurrently"));
      }
      return new SpecDraft(spec).replicas(5).build();
    }, "scaled to 5");

    ImmutablePhDeploymentSpec stored = cluster.storedSpec(NAME);
    assertThat(calls).hasValue(2);
    assertThat(stored.description()).as("the concurrent change survives")
        .isEqualTo("changed concurrently");
    assertThat(stored.predictor().replicas()).as("our change survives").isEqualTo(5);
    assertThat(stored.updateMessage()).isEqualTo("scaled to 5");
  }

  @Test
  void whenEveryAttemptConflictsTheUpdateGivesUpAfterTheConfiguredAttempts() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> deployments.update(NAME, spec -> {
      cluster.changeSpec(NAME,
          s -> s.withDescription("changed concurrently " + calls.incrementAndGet()));
      return new SpecDraft(spec).replicas(5).build();
    }, "scaled to 5"))
        .isInstanceOfSatisfying(PhDeploymentConflictException.class,
            e -> assertThat(e.attempts()).isEqualTo(3))
        .hasMessageContaining("hub/" + NAME);

    assertThat(calls).hasValue(3);
    assertThat(cluster.storedSpec(NAME).description()).isEqualTo("changed concurrently 3");
    assertThat(cluster.storedSpec(NAME).predictor().replicas()).isEqualTo(2);
  }

  @Test
  void anInvalidChangeIsRefusedAfterTheReadAndNothingIsWritten() throws InterruptedException {
    String version = cluster.stored(NAME).getMetadata().getResourceVersion();
    int requestsBefore = server.getRequestCount();

    assertThatThrownBy(() -> deployments.scale(NAME, -1, "oops"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("spec.predictors[0].replicas");

    assertThat(server.getRequestCount()).as("only the read").isEqualTo(requestsBefore + 1);
    assertThat(server.getLastRequest().getMethod()).isEqualTo("GET");
    assertThat(cluster.stored(NAME).getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void updatingAMissingDeploymentSaysItIsNotFound() {
    assertThatThrownBy(() -> deployments.stop("missing"))
        .isInstanceOf(PhDeploymentNotFoundException.class)
        .hasMessageContaining("hub/missing");
  }

  @Test
  void shortcutsScaleChangeTheImageStopAndStartWithTheirMessages() {
    deployments.scale(NAME, 4, "more traffic");
    assertThat(cluster.storedSpec(NAME).predictor().replicas()).isEqualTo(4);
    assertThat(cluster.storedSpec(NAME).updateMessage()).isEqualTo("more traffic");

    deployments.changeImage(NAME, "registry.example/spam:1.0.4", "retrained");
    assertThat(cluster.storedSpec(NAME).predictor().modelImage())
        .isEqualTo("registry.example/spam:1.0.4");
    assertThat(cluster.storedSpec(NAME).updateMessage()).isEqualTo("retrained");

    deployments.stop(NAME);
    assertThat(cluster.storedSpec(NAME).stop()).isTrue();
    assertThat(cluster.storedSpec(NAME).updateMessage()).isEqualTo("stopped");

    deployments.start(NAME);
    assertThat(cluster.storedSpec(NAME).stop()).isFalse();
    assertThat(cluster.storedSpec(NAME).updateMessage()).isEqualTo("started");
    assertThat(cluster.storedSpec(NAME).predictor().replicas()).isEqualTo(4);
  }

  @Test
  void anEditWritesOnADraftOfTheStoredSpec() {
    deployments.edit(NAME, spec -> spec
        .predictor(p -> p.modelImage("registry.example/spam:2.0").metadata("ACCURACY", "0.99"))
        .replicas(3)
        .description("second model"), "second model");

    ImmutablePhDeploymentSpec stored = cluster.storedSpec(NAME);
    PhDeploymentSpec fixture = cluster.fixtureSpec();
    assertThat(stored.predictor().name()).isEqualTo(fixture.predictor().name());
    assertThat(stored.predictor().instanceType()).isEqualTo(fixture.predictor().instanceType());
    assertThat(stored.predictor().modelImage()).isEqualTo("registry.example/spam:2.0");
    assertThat(stored.predictor().replicas()).isEqualTo(3);
    assertThat(stored.predictor().metadata()).containsEntry("ACCURACY", "0.99")
        .containsEntry("MINI_BATCH", "20");
    assertThat(stored.description()).isEqualTo("second model");
    assertThat(stored.groupName()).isEqualTo(fixture.groupName());
  }

  @Test
  void aRollbackAppliesTheRecordedSpecAsANewChangeNamingTheRevision() {
    PhDeploymentSpec original = cluster.fixtureSpec();
    deployments.changeImage(NAME, "registry.example/spam:2.0", "second model");
    PhDeploymentSpec second = cluster.storedSpec(NAME);
    long generation = cluster.generation(NAME);
    cluster.writeStatus(NAME, PhDeploymentStatus.builder()
        .phase(Phase.DEPLOYED)
        .observedGeneration(generation)
        .history(List.of(
            HistoryRecord.of(Instant.parse("2024-05-02T10:00:00Z"), second),
            HistoryRecord.of(Instant.parse("2024-05-01T09:30:00Z"), original)))
        .build());

    deployments.rollback(NAME, 1);

    ImmutablePhDeploymentSpec stored = cluster.storedSpec(NAME);
    assertThat(stored.withUpdateMessage(null)).isEqualTo(original);
    assertThat(stored.updateMessage())
        .isEqualTo("rolled back to revision 1, applied 2024-05-01T09:30:00Z");
    assertThat(cluster.generation(NAME)).as("a new change").isEqualTo(generation + 1);
  }

  @Test
  void aRollbackToARevisionTheHistoryDoesNotHoldWritesNothing() {
    String version = cluster.stored(NAME).getMetadata().getResourceVersion();

    assertThatThrownBy(() -> deployments.rollback(NAME, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the history is empty");
    assertThat(cluster.stored(NAME).getMetadata().getResourceVersion()).isEqualTo(version);
  }
}
