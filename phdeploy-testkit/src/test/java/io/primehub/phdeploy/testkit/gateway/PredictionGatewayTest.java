package io.primehub.phdeploy.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.primehub.phdeploy.core.seldon.SeldonJson;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import io.primehub.phdeploy.core.seldon.SeldonStatus;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableCrudMockServer
class PredictionGatewayTest {

  static final String IMAGE = "registry.example/sum:1.0";
  static final String ROWS = "{\"data\": {\"ndarray\": [[1, 2], [3, 4.5]]}}";
  static final List<List<Double>> ROW_SUMS = List.of(List.of(3.0), List.of(7.5));

  /** A real model: the sum of each row. */
  static final Model SUM_OF_ROWS = request -> SeldonMessage.ofNdarray(
      request.data().ndarrayAsDoubles().stream()
          .map(row -> List.of(row.stream().mapToDouble(Double::doubleValue).sum()))
          .toList());

  KubernetesClient client;
  KubernetesMockServer server;

  private DeploymentObjects cluster;
  private PredictionGateway gateway;
  private final List<ServedPrediction> served = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startGateway() {
    cluster = new DeploymentObjects(client);
    gateway = PredictionGateway.builder(client)
        .models(new ModelRegistry().serve(IMAGE, SUM_OF_ROWS))
        .onServed(served::add)
        .start();
  }

  @AfterEach
  void closeGateway() {
    gateway.close();
  }

  @Test
  void answersWithTheModelOfThePodsImageOnceAPodIsReady() throws Exception {
    cluster.ingress("sum");
    cluster.pod("sum", "sum-a", IMAGE, true);
    awaitRoute(gateway, "sum", readyPods(1));

    HttpResponse<String> response = Http.post(gateway.predictionUrl("sum"), ROWS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(rows(response)).isEqualTo(ROW_SUMS);
  }

  @Test
  void answersWithTheMessageInTheJsonQueryParameterOfAGet() throws Exception {
    servingPods("sum", 1);

    HttpResponse<String> response = Http.get(gateway.predictionUrl("sum"), ROWS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(rows(response)).isEqualTo(ROW_SUMS);
  }

  @Test
  void readsTheJsonFieldOfAFormEncodedPost() throws Exception {
    servingPods("sum", 1);

    HttpResponse<String> response = Http.post(gateway.predictionUrl("sum"),
        "json=" + URLEncoder.encode(ROWS, StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(rows(response)).isEqualTo(ROW_SUMS);
  }

  @Test
  void answers503UntilAPodIsReady() throws Exception {
    cluster.ingress("sum");
    cluster.pod("sum", "sum-a", IMAGE, false);
    cluster.pod("sum", "sum-b", IMAGE, false);
    awaitRoute(gateway, "sum", route -> route.podCount() == 2);

    HttpResponse<String> unready = Http.post(gateway.predictionUrl("sum"), ROWS);

    assertThat(unready.statusCode()).isEqualTo(503);
    assertThat(unready.body()).isEqualTo("{\"status\":{\"code\":503,\"info\":\"no ready replica of"
        + " deployment 'sum' (0 of 2 ready)\",\"status\":\"FAILURE\"}}");
    assertThat(gateway.requestsByPod("sum")).isEmpty();
    assertThat(served).isEmpty();

    cluster.setReady("sum-b", true);
    awaitRoute(gateway, "sum", readyPods(1));

    assertThat(Http.post(gateway.predictionUrl("sum"), ROWS).statusCode()).isEqualTo(200);
    assertThat(gateway.requestsByPod("sum")).isEqualTo(Map.of("sum-b", 1L));
  }

  @Test
  void aRequestThatArrivesJustBeforeAPodIsReadyIsHeldAndAnswered() throws Exception {
    cluster.ingress("sum");
    cluster.pod("sum", "sum-a", IMAGE, false);
    awaitRoute(gateway, "sum", route -> route.podCount() == 1);

    CompletableFuture<HttpResponse<String>> held =
        CompletableFuture.supplyAsync(() -> Http.post(gateway.predictionUrl("sum"), ROWS));
    while (gateway.heldRequests() == 0) {
      assertThat(held).as("answered before it was held").isNotDone();
      Thread.onSpinWait();
    }
    cluster.setReady("sum-a", true);

    HttpResponse<String> response = held.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(rows(response)).isEqualTo(ROW_SUMS);
    assertThat(gateway.heldRequests()).isZero();
  }

  @Test
  void spreadsRequestsRoundRobinOverTheReadyPods() throws Exception {
    servingPods("sum", 2);

    for (int i = 0; i < 10; i++) {
      assertThat(Http.post(gateway.predictionUrl("sum"), ROWS).statusCode()).isEqualTo(200);
    }

    assertThat(gateway.requestsByPod("sum")).isEqualTo(Map.of("sum-a", 5L, "sum-b", 5L));
    assertThat(served).extracting(ServedPrediction::pod)
        .containsExactly("sum-a", "sum-b", "sum-a", "sum-b", "sum-a", "sum-b", "sum-a", "sum-b",
            "sum-a", "sum-b");
  }

  @Test
  void answersFromItsCachesWithoutCallingTheApiServer() throws Exception {
    servingPods("sum", 2);
    int apiRequests = server.getRequestCount();

    for (int i = 0; i < 5; i++) {
      Http.post(gateway.predictionUrl("sum"), ROWS);
    }
    Http.post(gateway.predictionUrl("nowhere"), ROWS);

    assertThat(server.getRequestCount()).isEqualTo(apiRequests);
  }

  @Test
  void aPodThatTurnsNotReadyGetsNoMoreRequests() throws Exception {
    servingPods("sum", 2);
    Http.post(gateway.predictionUrl("sum"), ROWS);
    Http.post(gateway.predictionUrl("sum"), ROWS);

    cluster.setReady("sum-b", false);
    awaitRoute(gateway, "sum", readyPods(1));
    for (int i = 0; i < 4; i++) {
      assertThat(Http.post(gateway.predictionUrl("sum"), ROWS).statusCode()).isEqualTo(200);
    }

    assertThat(gateway.requestsByPod("sum")).isEqualTo(Map.of("sum-a", 5L, "sum-b", 1L));
  }

  @Test
  void aTerminatingPodGetsNoRequestsThoughItIsStillReady() throws Exception {
    servingPods("sum", 2);

    assertThat(cluster.terminate("sum-b").getMetadata().getDeletionTimestamp()).isNotNull();
    DeploymentRoute route = awaitRoute(gateway, "sum", readyPods(1));
    for (int i = 0; i < 3; i++) {
      Http.post(gateway.predictionUrl("sum"), ROWS);
    }

    assertThat(route.podCount()).isEqualTo(2);
    assertThat(gateway.requestsByPod("sum")).isEqualTo(Map.of("sum-a", 3L));
  }

  @Test
  void reportsEachRequestAPodAnsweredForItsLog() throws Exception {
    servingPods("sum", 1);

    Http.post(gateway.predictionUrl("sum"), ROWS);
    Http.post(gateway.predictionUrl("sum"), "{");

    assertThat(served).hasSize(2);
    ServedPrediction first = served.get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.path()).isEqualTo("/deployment/sum/api/v1.0/predictions");
    assertThat(first.namespace()).isEqualTo(client.getNamespace());
    assertThat(first.deployment()).isEqualTo("sum");
    assertThat(first.pod()).isEqualTo("sum-a");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.elapsed()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(served.get(1).status()).isEqualTo(400);
  }

  @Test
  void answers404ForADeploymentWithoutAnIngress() throws Exception {
    HttpResponse<String> response = Http.post(gateway.predictionUrl("nowhere"), ROWS);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(failure(response).info())
        .isEqualTo("no deployment 'nowhere': there is no Ingress 'deploy-nowhere' for"
            + " /deployment/nowhere/");
  }

  @Test
  void answers404ForReadyPodsWhoseIngressIsMissing() {
    cluster.pod("bare", "bare-a", IMAGE, true);
    // A gateway started now holds the pod from its initial list.
    try (PredictionGateway fresh = PredictionGateway.builder(client).start()) {
      assertThat(Http.post(fresh.predictionUrl("bare"), ROWS).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void answers404OutsideThePredictionPaths() {
    HttpResponse<String> response =
        Http.post(gateway.baseUrl().resolve("/deployment/sum/api/v0.1/predictions"), ROWS);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(failure(response).info()).isEqualTo("no prediction endpoint at"
        + " '/deployment/sum/api/v0.1/predictions': deployments answer at"
        + " /deployment/<name>/api/v1.0/predictions");
  }

  @Test
  void answers400WithSeldonJsonsExplanationOfAMalformedMessage() throws Exception {
    servingPods("sum", 1);
    String malformed = "{\"data\": {\"ndarray\": [[1, 2]]";

    HttpResponse<String> response = Http.post(gateway.predictionUrl("sum"), malformed);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(failure(response).info()).isEqualTo(
        catchThrowableOfType(IllegalArgumentException.class, () -> SeldonJson.read(malformed))
            .getMessage());
  }

  @Test
  void answers400ForAGetWithoutTheJsonParameter() throws Exception {
    servingPods("sum", 1);

    HttpResponse<String> response = Http.call("GET", gateway.predictionUrl("sum"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(failure(response).info()).contains("query parameter 'json'");
  }

  @Test
  void answers405ForOtherMethods() throws Exception {
    servingPods("sum", 1);

    HttpResponse<String> response = Http.call("PUT", gateway.predictionUrl("sum"));

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
  }

  @Test
  void answers502NamingTheImageWhenNoModelIsRegisteredForIt() throws Exception {
    cluster.ingress("other");
    cluster.pod("other", "other-a", "registry.example/other:2", true);
    awaitRoute(gateway, "other", readyPods(1));

    HttpResponse<String> response = Http.post(gateway.predictionUrl("other"), ROWS);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(failure(response).info()).isEqualTo("no model is registered for image"
        + " 'registry.example/other:2', which pod 'other-a' of deployment 'other' runs;"
        + " register one with ModelRegistry.serve(\"registry.example/other:2\", request -> ...)");

    gateway.models().serve("registry.example/other:2", SUM_OF_ROWS);
    assertThat(Http.post(gateway.predictionUrl("other"), ROWS).statusCode()).isEqualTo(200);
  }

  @Test
  void answers500WithASeldonFailureWhenTheModelThrows() throws Exception {
    gateway.models().serve("registry.example/broken:1", request -> {
      throw new IllegalStateException("weights not loaded");
    });
    cluster.ingress("broken");
    cluster.pod("broken", "broken-a", "registry.example/broken:1", true);
    awaitRoute(gateway, "broken", readyPods(1));

    HttpResponse<String> response = Http.post(gateway.predictionUrl("broken"), ROWS);

    assertThat(response.statusCode()).isEqualTo(500);
    SeldonStatus status = failure(response);
    assertThat(status.status()).isEqualTo(SeldonStatus.FAILURE);
    assertThat(status.code()).isEqualTo(500);
    assertThat(status.info()).isEqualTo("the model of image 'registry.example/broken:1' failed on"
        + " pod 'broken-a' of deployment 'broken': java.lang.IllegalStateException: weights not"
        + " loaded");
  }

  @Test
  void answers500WhenTheModelAnswersNothing() throws Exception {
    servingPods("sum", 1);
    gateway.models().serve(IMAGE, request -> null);

    HttpResponse<String> response = Http.post(gateway.predictionUrl("sum"), ROWS);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(failure(response).info()).isEqualTo("the model of image 'registry.example/sum:1.0'"
        + " answered nothing on pod 'sum-a' of deployment 'sum'");
  }

  @Test
  void answers502ForAPodWithoutAModelContainer() throws Exception {
    cluster.ingress("odd");
    cluster.pod("odd", "odd-a", "server", IMAGE, true);
    awaitRoute(gateway, "odd", readyPods(1));

    HttpResponse<String> response = Http.post(gateway.predictionUrl("odd"), ROWS);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(failure(response).info())
        .isEqualTo("pod 'odd-a' of deployment 'odd' has no container named 'model' to answer");
  }

  @Test
  void aGatewayOfOneNamespaceDoesNotRouteTheDeploymentsOfAnother() throws Exception {
    DeploymentObjects elsewhere = new DeploymentObjects(
        client.adapt(NamespacedKubernetesClient.class).inNamespace("elsewhere"));
    elsewhere.ingress("far");
    elsewhere.pod("far", "far-a", IMAGE, true);

    try (PredictionGateway scoped =
        PredictionGateway.builder(client).namespace(client.getNamespace()).start()) {
      assertThat(Http.post(scoped.predictionUrl("far"), ROWS).statusCode()).isEqualTo(404);
    }
    assertThat(awaitRoute(gateway, "far", readyPods(1)).namespace()).isEqualTo("elsewhere");
    assertThat(Http.post(gateway.predictionUrl("far"), ROWS).statusCode()).isEqualTo(200);
  }

  @Test
  void closingStopsServingAndFailsPendingWaits() {
    URI url = gateway.predictionUrl("sum");
    CompletableFuture<DeploymentRoute> pending = gateway.awaitRoute("sum", route -> true);

    gateway.close();

    assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Http.post(url, ROWS))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void predictionUrlIsTheEndpointPathBelowTheBaseUrl() {
    assertThat(gateway.baseUrl().toString()).matches("http://localhost:\\d+");
    assertThat(gateway.predictionUrl("sum"))
        .isEqualTo(URI.create(gateway.baseUrl() + "/deployment/sum/api/v1.0/predictions"));
  }

  /** Creates the Ingress and {@code count} ready pods {@code <name>-a}, {@code -b}… */
  private void servingPods(String deployment, int count) throws Exception {
    cluster.ingress(deployment);
    for (int i = 0; i < count; i++) {
      cluster.pod(deployment, deployment + "-" + (char) ('a' + i), IMAGE, true);
    }
    awaitRoute(gateway, deployment, readyPods(count));
  }

  static DeploymentRoute awaitRoute(
      PredictionGateway gateway, String deployment, Predicate<DeploymentRoute> condition)
      throws Exception {
    return gateway.awaitRoute(deployment, condition).get(10, TimeUnit.SECONDS);
  }

  static Predicate<DeploymentRoute> readyPods(int count) {
    return route -> route.readyPods().size() == count;
  }

  static SeldonStatus failure(HttpResponse<String> response) {
    return SeldonJson.read(response.body()).status();
  }

  private static List<List<Double>> rows(HttpResponse<String> response) {
    return SeldonJson.read(response.body()).data().ndarrayAsDoubles();
  }
}
