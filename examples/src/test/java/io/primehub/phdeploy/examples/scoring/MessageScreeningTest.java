package io.primehub.phdeploy.examples.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.examples.model.SpamModels;
import io.primehub.phdeploy.k8s.auth.ClientCredentials;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How to test your own service against a deployed model with the testkit; copy it and swap in
 * your service. Each test gets an in-memory cluster with the controller running; the model
 * image is answered by a Java model, and the cluster can be made to misbehave like a real one.
 */
@PhDeployTest
class MessageScreeningTest {

  private static final String IMAGE = "sandhya1594/spam-classifier:1.0.0.1";
  private static final List<String> INBOX = List.of(
      "win a free prize now", "lunch tomorrow at noon?", "claim your free vacation today");

  private URI endpoint;

  @BeforeEach
  void deployTheModel(InMemoryCluster cluster, PhDeployments deployments) {
    cluster.models().serve(IMAGE, SpamModels.version1());
    deployments.create(Fixtures.SPAM_CLASSIFIER, Fixtures.spamClassifier().getSpec());
    endpoint = URI.create(deployments
        .awaitPhase(Fixtures.SPAM_CLASSIFIER, Phase.DEPLOYED, Duration.ofSeconds(60))
        .endpoint());
  }

  @Test
  void holdsBackTheSpam() {
    assertThat(MessageScreening.through(endpoint, 0.5).heldBack(INBOX))
        .containsExactly("win a free prize now", "claim your free vacation today");
  }

  @Test
  void worksThroughAPrivateEndpointWithAClientsToken(
      PhDeployments deployments, PredictionGateway gateway) throws Exception {
    deployments.makePrivate(Fixtures.SPAM_CLASSIFIER);
    ClientCredentials client = deployments.addClient(Fixtures.SPAM_CLASSIFIER, "screening");
    // The controller writes the Ingress and the htpasswd Secret; wait until the gateway, like
    // an ingress controller, has read them.
    gateway.awaitRoute(Fixtures.SPAM_CLASSIFIER, route -> route.privateEndpoint()
            .filter(auth -> auth.clientNames().contains("screening")).isPresent())
        .get(60, TimeUnit.SECONDS);

    MessageScreening screening = MessageScreening.through(endpoint, 0.5);
    assertThat(screening.as(client.name(), client.token()).heldBack(INBOX)).hasSize(2);
    assertThatThrownBy(() -> screening.heldBack(INBOX))
        .isInstanceOf(MessageScreening.ScreeningUnavailableException.class)
        .hasMessageContaining("401");
  }

  @Test
  void saysSoWhenTheModelIsStopped(PhDeployments deployments) {
    deployments.stop(Fixtures.SPAM_CLASSIFIER);
    deployments.awaitPhase(Fixtures.SPAM_CLASSIFIER, Phase.STOPPED, Duration.ofSeconds(60));

    assertThatThrownBy(() -> MessageScreening.through(endpoint, 0.5).heldBack(INBOX))
        .isInstanceOf(MessageScreening.ScreeningUnavailableException.class)
        .hasMessageContaining("503");
  }
}
