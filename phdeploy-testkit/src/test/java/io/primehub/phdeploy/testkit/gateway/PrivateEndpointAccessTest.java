package io.primehub.phdeploy.testkit.gateway;

import static io.primehub.phdeploy.testkit.gateway.PredictionGatewayTest.IMAGE;
import static io.primehub.phdeploy.testkit.gateway.PredictionGatewayTest.ROWS;
import static io.primehub.phdeploy.testkit.gateway.PredictionGatewayTest.SUM_OF_ROWS;
import static io.primehub.phdeploy.testkit.gateway.PredictionGatewayTest.awaitRoute;
import static io.primehub.phdeploy.testkit.gateway.PredictionGatewayTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.k8s.auth.ClientTokens;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableCrudMockServer
class PrivateEndpointAccessTest {

  private static final String CHALLENGE = "Basic realm=\"deployment secure\"";

  KubernetesClient client;

  private final String aliceToken = ClientTokens.generate();
  private final String bobToken = ClientTokens.generate();
  private final String bobHash = ClientTokens.hash(bobToken);
  private DeploymentObjects cluster;
  private PredictionGateway gateway;

  @BeforeEach
  void startGatewayInFrontOfAPrivateEndpoint() throws Exception {
    cluster = new DeploymentObjects(client);
    gateway = PredictionGateway.builder(client)
        .models(new ModelRegistry().serve(IMAGE, SUM_OF_ROWS))
        .start();
    cluster.privateIngress(
        "secure", Map.of("alice", ClientTokens.hash(aliceToken), "bob", bobHash));
    cluster.pod("secure", "secure-a", IMAGE, true);
    awaitRoute(gateway, "secure", route -> !route.readyPods().isEmpty()
        && route.privateEndpoint().map(PrivateEndpoint::clientNames).orElseThrow().size() == 2);
  }

  @AfterEach
  void closeGateway() {
    gateway.close();
  }

  @Test
  void admitsAClientWithItsToken() {
    HttpResponse<String> response = post(basic("alice", aliceToken));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(gateway.requestsByPod("secure")).isEqualTo(Map.of("secure-a", 1L));
  }

  @Test
  void challengesARequestWithoutCredentials() {
    HttpResponse<String> response = Http.post(gateway.predictionUrl("secure"), ROWS);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGE);
    assertThat(failure(response).info()).isEqualTo(
        "deployment 'secure' is private: send HTTP basic credentials <client name>:<token>");
    assertThat(gateway.requestsByPod("secure")).isEmpty();
  }

  @Test
  void refusesAWrongTokenAnUnknownClientAndMalformedHeadersAlike() {
    for (String authorization : new String[] {
        basic("alice", bobToken),
        basic("mallory", aliceToken),
        "Basic not-base64!",
        "Basic " + Base64.getEncoder().encodeToString("no colon".getBytes(StandardCharsets.UTF_8)),
        "Bearer " + aliceToken}) {
      HttpResponse<String> response = post(authorization);

      assertThat(response.statusCode()).as(authorization).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGE);
    }
    assertThat(failure(post(basic("alice", bobToken))).info())
        .isEqualTo(
            "deployment 'secure' is private and these are not the credentials of its clients");
  }

  @Test
  void refusesAClientOnceItIsRemovedFromTheSecret() throws Exception {
    cluster.secret("secure", Map.of("bob", bobHash));
    awaitRoute(gateway, "secure", route ->
        !route.privateEndpoint().orElseThrow().clientNames().contains("alice"));

    assertThat(post(basic("alice", aliceToken)).statusCode()).isEqualTo(401);
    assertThat(post(basic("bob", bobToken)).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesEveryoneOnceTheSecretIsDeleted() throws Exception {
    client.secrets().withName(OwnedNames.of("secure")).delete();
    awaitRoute(gateway, "secure", route ->
        route.privateEndpoint().orElseThrow().clientNames().isEmpty());

    assertThat(post(basic("alice", aliceToken)).statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> post(String authorization) {
    return Http.post(gateway.predictionUrl("secure"), ROWS, "Authorization", authorization);
  }

  private static String basic(String name, String token) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8));
  }
}
