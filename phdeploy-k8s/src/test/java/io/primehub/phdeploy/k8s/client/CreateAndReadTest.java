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
import io.primehub.phdeploy.core.model.Predictor;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.core.validation.SpecValidator;
import io.primehub.phdeploy.core.validation.ValidationLimits;
import io.primehub.phdeploy.core.validation.Violation;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableCrudMockServer
class CreateAndReadTest extends MockClusterTest {

  @Test
  void theNamespaceComesFromTheClientAndACopyIsBoundToAnother() {
    PhDeployments fromClient = PhDeployments.using(client);

    assertThat(fromClient.namespace()).isEqualTo(client.getNamespace()).isNotEqualTo(NAMESPACE);
    assertThat(fromClient.inNamespace(NAMESPACE).namespace()).isEqualTo(NAMESPACE);
    assertThat(fromClient.namespace()).as("the original is unchanged")
        .isEqualTo(client.getNamespace());
  }

  @Test
  void createsTheFixtureUnderItsNameAndTheServerHoldsItsSpec() {
    PhDeployment created = deployments.create(NAME, cluster.fixtureSpec());

    assertThat(created.name()).isEqualTo(NAME);
    assertThat(created.namespace()).isEqualTo(NAMESPACE);
    assertThat(cluster.stored(NAME).getSpec()).isEqualTo(cluster.fixtureSpec());
  }

  @Test
  void aSpecWithoutANameGetsOneGeneratedFromItsDisplayName() {
    PhDeployment created = deployments.create(cluster.fixtureSpec());

    assertThat(created.name()).matches("spam-classifier-[a-z0-9]{5}");
    assertThat(cluster.stored(created.name()).getSpec()).isEqualTo(cluster.fixtureSpec());
  }

  @Test
  void theFluentDraftWritesTheSpecOfTheDesignSketch() {
    PhDeployment created = deployments.create(spec -> spec
        .displayName("spam classifier").group("phusers").user("phadmin")
        .predictor(p -> p.modelImage("registry.example/spam:1.0.3").instanceType("cpu-only")
            .replicas(2).metadata("ACCURACY", "0.98"))
        .env("LOG_LEVEL", "debug"));

    PhDeploymentSpec stored = cluster.stored(created.name()).getSpec();
    assertThat(created.name()).startsWith("spam-classifier-");
    assertThat(stored.displayName()).isEqualTo("spam classifier");
    assertThat(stored.groupName()).isEqualTo("phusers");
    assertThat(stored.userName()).isEqualTo("phadmin");
    assertThat(stored.predictors()).containsExactly(Predictor.builder()
        .name("predictor1").modelImage("registry.example/spam:1.0.3").instanceType("cpu-only")
        .replicas(2).putMetadata("ACCURACY", "0.98").build());
    assertThat(stored.env()).singleElement()
        .satisfies(v -> assertThat(v.getName() + "=" + v.getValue()).isEqualTo("LOG_LEVEL=debug"));
  }

  @Test
  void anInvalidSpecThrowsEveryViolationAndSendsNothing() {
    int requestsBefore = server.getRequestCount();

    assertThatThrownBy(() -> deployments.create(spec -> spec
            .displayName("").group("phusers")
            .predictor(p -> p.modelImage("Not An Image!").instanceType("cpu-only").replicas(-1))))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.name()).as("no made-up name").isNull();
          assertThat(e.violations()).extracting(Violation::path).contains("spec.displayName",
              "spec.predictors[0].modelImage", "spec.predictors[0].replicas");
        });

    assertThat(server.getRequestCount()).isEqualTo(requestsBefore);
    assertThat(deployments.list()).isEmpty();
  }

  @Test
  void theValidatorCanBeReplaced() {
    SpecValidator strict = new SpecValidator(ValidationLimits.builder().maxReplicas(1).build());

    assertThatThrownBy(() -> deployments.withValidator(strict).create(NAME, cluster.fixtureSpec()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("spec.predictors[0].replicas");
    assertThat(cluster.stored(NAME)).isNull();
  }

  @Test
  void creatingAnExistingNameFailsAndLeavesTheExistingOne() {
    cluster.createFixture();
    PhDeploymentSpec other = ImmutablePhDeploymentSpec.copyOf(cluster.fixtureSpec())
        .withDescription("another one");

    assertThatThrownBy(() -> deployments.create(NAME, other))
        .isInstanceOf(PhDeploymentAlreadyExistsException.class)
        .hasMessageContaining(NAMESPACE + "/" + NAME);
    assertThat(cluster.stored(NAME).getSpec()).isEqualTo(cluster.fixtureSpec());
  }

  @Test
  void getAndRequireReadWhatTheServerHolds() {
    cluster.createFixture();

    assertThat(deployments.get(NAME)).hasValueSatisfying(
        d -> assertThat(d.getSpec()).isEqualTo(cluster.fixtureSpec()));
    assertThat(deployments.require(NAME).getMetadata().getUid())
        .isEqualTo(cluster.stored(NAME).getMetadata().getUid());
    assertThat(deployments.get("missing")).isEmpty();
    assertThatThrownBy(() -> deployments.require("missing"))
        .isInstanceOfSatisfying(PhDeploymentNotFoundException.class, e -> {
          assertThat(e.namespace()).isEqualTo(NAMESPACE);
          assertThat(e.name()).isEqualTo("missing");
        })
        .hasMessage("PhDeployment hub/missing not found");
  }

  @Test
  void listsFilterByGroupAndByUserNameOrId() {
    PhDeploymentSpec fixture = cluster.fixtureSpec();
    deployments.create("a", fixture);
    deployments.create("b", ImmutablePhDeploymentSpec.copyOf(fixture)
        .withGroupName("research").withUserName("alice").withUserId("alice-id"));
    PhDeployments elsewhere = deployments.inNamespace("elsewhere");
    elsewhere.create("c", fixture);

    assertThat(names(deployments.list())).containsExactlyInAnyOrder("a", "b");
    assertThat(names(deployments.listByGroup("phusers"))).containsExactly("a");
    assertThat(names(deployments.listByGroup("research"))).containsExactly("b");
    assertThat(names(deployments.listByUser("alice"))).containsExactly("b");
    assertThat(names(deployments.listByUser("alice-id"))).containsExactly("b");
    assertThat(names(deployments.listByUser(fixture.userId()))).containsExactly("a");
    assertThat(names(elsewhere.list())).containsExactly("c");
  }

  @Test
  void deleteRemovesTheDeploymentAndSaysWhetherItExisted() {
    cluster.createFixture();

    assertThat(deployments.delete(NAME)).isTrue();
    assertThat(cluster.stored(NAME)).isNull();
    assertThat(deployments.delete(NAME)).isFalse();
  }

  @Test
  void theEndpointAndTheHistoryComeFromTheStatus() {
    cluster.createFixture();
    assertThat(deployments.endpoint(NAME)).isEmpty();
    assertThat(deployments.history(NAME)).isEmpty();

    PhDeploymentSpec older = ImmutablePhDeploymentSpec.copyOf(cluster.fixtureSpec())
        .withDescription("first");
    List<HistoryRecord> history = List.of(
        HistoryRecord.of(Instant.parse("2020-03-23T02:03:15Z"), cluster.fixtureSpec()),
        HistoryRecord.of(Instant.parse("2020-03-22T23:45:23Z"), older));
    cluster.writeStatus(NAME, PhDeploymentStatus.builder()
        .phase(Phase.DEPLOYED)
        .endpoint("https://primehub.local/deployment/" + NAME + "/api/v1.0/predictions")
        .history(history)
        .build());

    assertThat(deployments.endpoint(NAME)).contains(
        URI.create("https://primehub.local/deployment/" + NAME + "/api/v1.0/predictions"));
    assertThat(deployments.history(NAME)).isEqualTo(history)
        .isEqualTo(cluster.stored(NAME).getStatus().history());
    assertThatThrownBy(() -> deployments.endpoint("missing"))
        .isInstanceOf(PhDeploymentNotFoundException.class);
  }

  private static List<String> names(List<PhDeployment> deployments) {
    return deployments.stream().map(PhDeployment::name).toList();
  }
}
