package io.primehub.phdeploy.testkit.e2e;

import io.fabric8.kubernetes.api.model.Pod;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.core.seldon.SeldonJson;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.gateway.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** What the end-to-end tests share: the fixture, a model, predictions over HTTP, pod lookups. */
final class Journey {

  static final String NAMESPACE = "hub";
  static final String NAME = "spam-classifier-abcxy";
  static final String IMAGE = "sandhya1594/spam-classifier:1.0.0.1";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Journey() {}

  /** The specification's example deployment. */
  static PhDeployment fixture() {
    return Fixtures.spamClassifier();
  }

  /** A model that answers each row with the sum of its values. */
  static Model summing() {
    return request -> SeldonMessage.ofNdarray(request.data().ndarrayAsDoubles().stream()
        .map(row -> List.of(row.stream().mapToDouble(Double::doubleValue).sum()))
        .toList());
  }

  /** POSTs a Seldon request to a URL and answers the response. */
  static HttpResponse<String> predict(URI endpoint, String body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(endpoint)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
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
