package io.primehub.phdeploy.testkit.e2e;

import io.fabric8.kubernetes.api.model.Pod;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.core.seldon.SeldonJson;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.auth.ClientCredentials;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.gateway.DeploymentRoute;
import io.primehub.phdeploy.testkit.gateway.Model;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** What the end-to-end tests share: the fixture, a model, predictions over HTTP, pod lookups. */
final class Journey {

  static final String NAMESPACE = "hub";
  static final String NAME = "spam-classifier-abcxy";
  static final String IMAGE = "sandhya1594/spam-classifier:1.0.0.1";
  /** Two rows, which the {@link #summing()} model answers with 3.0 and 7.5. */
  static final String ROWS = "{\"data\":{\"ndarray\":[[1.0,2.0],[3.5,4.0]]}}";
  /** How long a journey waits for the controller, the simulators or the gateway at most. */
  static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Journey() {}

  /** The specification's example deployment. */
  static PhDeployment fixture() {
    return Fixtures.spamClassifier();
  }

  /** Creates the fixture and waits until it is Deployed. */
  static PhDeploymentStatus deployFixture(PhDeployments deployments) {
    PhDeployment fixture = fixture();
    deployments.create(fixture.name(), fixture.getSpec());
    return deployments.awaitPhase(NAME, Phase.DEPLOYED, WAIT);
  }

  /**
   * Waits until the gateway's caches show a route of the fixture that satisfies
   * {@code condition}, as they do right after the informers see the change.
   */
  static DeploymentRoute awaitRoute(
      PredictionGateway gateway, String description, Predicate<DeploymentRoute> condition) {
    try {
      return gateway.awaitRoute(NAME, condition).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the gateway's route of " + NAME + " is not " + description
          + " after " + WAIT + "; it is " + gateway.route(NAME), e);
    } catch (ExecutionException e) {
      throw new AssertionError("waiting for the route of " + NAME + " to be " + description, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the gateway routes to both replicas of the fixture. */
  static DeploymentRoute awaitBothReplicasReady(PredictionGateway gateway) {
    return awaitRoute(gateway, "serving from 2 ready pods", route -> route.readyPods().size() == 2);
  }

  /** A model that answers each row with the sum of its values. */
  static Model summing() {
    return request -> SeldonMessage.ofNdarray(request.data().ndarrayAsDoubles().stream()
        .map(row -> List.of(row.stream().mapToDouble(Double::doubleValue).sum()))
        .toList());
  }

  /** POSTs a Seldon request to a URL and answers the response. */
  static HttpResponse<String> predict(URI endpoint, String body) {
    return send(request(endpoint, body));
  }

  /** POSTs a Seldon request as a client of a private endpoint, with HTTP basic credentials. */
  static HttpResponse<String> predict(URI endpoint, String body, ClientCredentials client) {
    String credentials = client.name() + ":" + client.token();
    return send(request(endpoint, body).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
  }

  private static HttpRequest.Builder request(URI endpoint, String body) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /** Sends a request and answers the response, its body as text. */
  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The Seldon message of a response body. */
  static SeldonMessage message(HttpResponse<String> response) {
    return SeldonJson.read(response.body());
  }

  /** The pods of a deployment. */
  static List<Pod> pods(InMemoryCluster cluster, String name) {
    return cluster.client().pods().inNamespace(NAMESPACE)
        .withLabel(PodLabels.DEPLOYMENT, name).list().getItems();
  }
}
