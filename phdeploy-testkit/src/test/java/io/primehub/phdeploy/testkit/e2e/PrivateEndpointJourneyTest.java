package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.k8s.auth.ClientCredentials;
import io.primehub.phdeploy.k8s.auth.ClientTokens;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.desired.IngressAnnotations;
import io.primehub.phdeploy.testkit.gateway.DeploymentRoute;
import io.primehub.phdeploy.testkit.gateway.ModelRegistry;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import io.primehub.phdeploy.testkit.gateway.PrivateEndpoint;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A private endpoint from the SDK to the wire: the controller turns the spec's access type and
 * hashed client tokens into the Ingress's basic-auth annotations and the htpasswd Secret, and the
 * gateway, which reads only those objects, admits exactly the clients' tokens. No plaintext
 * token reaches the cluster or a log.
 */
@PhDeployTest
class PrivateEndpointJourneyTest {

  /** The name of the Ingress and of the auth Secret. */
  private static final String OWNED = OwnedNames.of(Journey.NAME);

  @Test
  void switchToPrivateAddAndRemoveClientsThenBackToPublic(
      PhDeployments deployments, PredictionGateway gateway, ModelRegistry models,
      KubernetesClient client) {
    models.serve(Journey.IMAGE, Journey.summing());
    URI endpoint = gateway.predictionUrl(Journey.NAME);
    List<ClientCredentials> issued;
    String logs;
    try (CapturedStandardError log = CapturedStandardError.start()) {
      Journey.deployFixture(deployments);
      Journey.awaitBothReplicasReady(gateway);
      assertThat(Journey.predict(endpoint, Journey.ROWS).statusCode()).isEqualTo(200);

      deployments.makePrivate(Journey.NAME);
      Journey.awaitRoute(gateway, "private", route -> route.privateEndpoint().isPresent());
      assertThat(ingressAnnotations(client))
          .containsEntry(IngressAnnotations.AUTH_TYPE, "basic")
          .containsEntry(IngressAnnotations.AUTH_SECRET, OWNED);
      assertThat(Journey.predict(endpoint, Journey.ROWS).statusCode())
          .as("a request without credentials to a private endpoint").isEqualTo(401);

      ClientCredentials alice = deployments.addClient(Journey.NAME, "alice");
      ClientCredentials bob = deployments.addClient(Journey.NAME, "bob");
      issued = List.of(alice, bob);
      Journey.awaitRoute(gateway, "admitting alice and bob", clients("alice", "bob"));
      for (ClientCredentials admitted : issued) {
        HttpResponse<String> answer = Journey.predict(endpoint, Journey.ROWS, admitted);
        assertThat(answer.statusCode()).as(admitted.name()).isEqualTo(200);
        assertThat(Journey.message(answer).data().ndarrayAsDoubles())
            .containsExactly(List.of(3.0), List.of(7.5));
      }
      assertThat(Journey.predict(endpoint, Journey.ROWS,
              new ClientCredentials("bob", ClientTokens.generate())).statusCode())
          .as("bob with a wrong token").isEqualTo(401);
      assertThat(Journey.predict(endpoint, Journey.ROWS,
              new ClientCredentials("alice", bob.token())).statusCode())
          .as("alice with bob's token").isEqualTo(401);
      assertThat(deployments.require(Journey.NAME).getSpec().endpoint().clients())
          .extracting(EndpointClient::token).allMatch(token -> token.startsWith("$6$"));
      // While the Secret holds both clients' hashes.
      assertNoPlaintext(issued, client, log.text());

      assertThat(deployments.removeClient(Journey.NAME, "alice")).isTrue();
      Journey.awaitRoute(gateway, "admitting bob alone", clients("bob"));
      assertThat(Journey.predict(endpoint, Journey.ROWS, alice).statusCode())
          .as("a removed client").isEqualTo(401);
      assertThat(Journey.predict(endpoint, Journey.ROWS, bob).statusCode()).isEqualTo(200);

      deployments.makePublic(Journey.NAME);
      Journey.awaitRoute(gateway, "public", route -> route.privateEndpoint().isEmpty());
      authSecret(client).waitUntilCondition(Objects::isNull, Journey.WAIT.toSeconds(),
          TimeUnit.SECONDS);
      assertThat(Journey.predict(endpoint, Journey.ROWS).statusCode()).isEqualTo(200);
      assertThat(ingressAnnotations(client))
          .doesNotContainKeys(IngressAnnotations.AUTH_TYPE, IngressAnnotations.AUTH_SECRET);
      assertThat(deployments.clients(Journey.NAME)).as("clients kept for a later makePrivate")
          .containsExactly("bob");
      assertThat(deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, Journey.WAIT).endpoint())
          .isEqualTo(endpoint.toString());
      assertThat(deployments.require(Journey.NAME)).isDeployed().hasObservedItsGeneration();
      logs = log.text();
    }

    assertThat(logs).as("the controller's and the SDK's log, captured")
        .contains("added endpoint client alice", "Created Secret hub/" + OWNED,
            "Deleted Secret hub/" + OWNED);
    assertNoPlaintext(issued, client, logs);
  }

  private static void assertNoPlaintext(
      List<ClientCredentials> issued, KubernetesClient client, String logs) {
    Map<String, String> cluster = ClusterText.of(client, "hub");
    for (ClientCredentials credentials : issued) {
      assertThat(logs).as("the log").doesNotContain(credentials.token());
      cluster.forEach((where, text) ->
          assertThat(text).as(where).doesNotContain(credentials.token()));
    }
  }

  private static Predicate<DeploymentRoute> clients(String... names) {
    return route -> route.privateEndpoint().map(PrivateEndpoint::clientNames)
        .filter(Set.of(names)::equals).isPresent();
  }

  private static Map<String, String> ingressAnnotations(KubernetesClient client) {
    return client.network().v1().ingresses().inNamespace("hub").withName(OWNED).get()
        .getMetadata().getAnnotations();
  }

  private static Resource<Secret> authSecret(KubernetesClient client) {
    return client.secrets().inNamespace("hub").withName(OWNED);
  }
}
