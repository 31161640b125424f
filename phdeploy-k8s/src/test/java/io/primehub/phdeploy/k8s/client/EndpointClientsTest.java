package io.primehub.phdeploy.k8s.client;

import static io.primehub.phdeploy.k8s.client.TestCluster.NAME;
import static io.primehub.phdeploy.k8s.client.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.k8s.auth.ClientCredentials;
import io.primehub.phdeploy.k8s.auth.ClientTokens;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableCrudMockServer
class EndpointClientsTest extends MockClusterTest {

  @BeforeEach
  void createFixture() {
    cluster.createFixture();
  }

  @Test
  void makePrivateAndMakePublicSetTheAccessTypeWithAMessage() {
    deployments.makePrivate(NAME);
    assertThat(cluster.storedSpec(NAME).accessType()).isEqualTo(AccessType.PRIVATE);
    assertThat(cluster.storedSpec(NAME).updateMessage()).isEqualTo("made the endpoint private");

    deployments.makePublic(NAME);
    assertThat(cluster.storedSpec(NAME).accessType()).isEqualTo(AccessType.PUBLIC);
    assertThat(cluster.storedSpec(NAME).updateMessage()).isEqualTo("made the endpoint public");
  }

  @Test
  void makingAnImplicitlyPublicEndpointPublicWritesNothing() {
    String version = cluster.stored(NAME).getMetadata().getResourceVersion();

    deployments.makePublic(NAME);

    assertThat(cluster.stored(NAME).getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(cluster.storedSpec(NAME).endpoint()).isNull();
  }

  @Test
  void anAddedClientIsStoredOnlyAsTheHashOfItsToken() {
    deployments.makePrivate(NAME);

    ClientCredentials credentials = deployments.addClient(NAME, "scoring-service");

    PhDeploymentSpec stored = cluster.storedSpec(NAME);
    assertThat(credentials.name()).isEqualTo("scoring-service");
    assertThat(stored.endpoint().clients()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("scoring-service");
      assertThat(ClientTokens.matches(credentials.token(), c.token())).isTrue();
    });
    assertThat(storedJson()).doesNotContain(credentials.token()).contains("scoring-service");
    assertThat(stored.updateMessage()).isEqualTo("added endpoint client scoring-service");
    assertThat(stored.accessType()).isEqualTo(AccessType.PRIVATE);
    assertThat(deployments.clients(NAME)).containsExactly("scoring-service");
  }

  @Test
  void clientsAreListedInTheOrderAddedAndRemovedByName() {
    ClientCredentials first = deployments.addClient(NAME, "first");
    ClientCredentials second = deployments.addClient(NAME, "second");
    assertThat(deployments.clients(NAME)).containsExactly("first", "second");

    assertThat(deployments.removeClient(NAME, "first")).isTrue();

    List<EndpointClient> stored = cluster.storedSpec(NAME).endpoint().clients();
    assertThat(stored).extracting(EndpointClient::name).containsExactly("second");
    assertThat(ClientTokens.matches(second.token(), stored.get(0).token())).isTrue();
    assertThat(storedJson()).doesNotContain(first.token()).doesNotContain(second.token());
    assertThat(cluster.storedSpec(NAME).updateMessage()).isEqualTo("removed endpoint client first");
  }

  @Test
  void removingAClientTheEndpointDoesNotHaveWritesNothing() {
    deployments.addClient(NAME, "only");
    String version = cluster.stored(NAME).getMetadata().getResourceVersion();

    assertThat(deployments.removeClient(NAME, "absent")).isFalse();

    assertThat(cluster.stored(NAME).getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(deployments.clients(NAME)).containsExactly("only");
  }

  @Test
  void addingAClientNameTwiceFailsAndKeepsTheFirstToken() {
    ClientCredentials first = deployments.addClient(NAME, "scoring-service");

    assertThatThrownBy(() -> deployments.addClient(NAME, "scoring-service"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already has an endpoint client named 'scoring-service'");

    List<EndpointClient> stored = cluster.storedSpec(NAME).endpoint().clients();
    assertThat(stored).singleElement()
        .satisfies(c -> assertThat(ClientTokens.matches(first.token(), c.token())).isTrue());
  }

  @Test
  void anInvalidClientNameIsRefusedBeforeTheWrite() {
    String version = cluster.stored(NAME).getMetadata().getResourceVersion();

    assertThatThrownBy(() -> deployments.addClient(NAME, "user:with-colon"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("spec.endpoint.clients[0].name");

    assertThat(cluster.stored(NAME).getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void clientsOfAMissingDeploymentAreNotFound() {
    assertThatThrownBy(() -> deployments.clients("missing"))
        .isInstanceOf(PhDeploymentNotFoundException.class);
    assertThatThrownBy(() -> deployments.addClient("missing", "scoring-service"))
        .isInstanceOf(PhDeploymentNotFoundException.class);
  }

  /** The object as the server stores it, read untyped so that no model class is in the way. */
  private String storedJson() {
    return client.getKubernetesSerialization().asJson(client
        .genericKubernetesResources(PhDeploymentCrd.context())
        .inNamespace(NAMESPACE)
        .withName(NAME)
        .get());
  }
}
