package io.primehub.phdeploy.testkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.auth.ClientCredentials;
import io.primehub.phdeploy.k8s.auth.ClientTokens;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.testkit.gateway.ModelRegistry;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import io.primehub.phdeploy.testkit.gateway.PrivateEndpoint;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A whole private-endpoint journey with every logger at its most talkative: SLF4J at TRACE for
 * phdeploy, fabric8 (whose HTTP logging then prints request and response bodies) and everything
 * else, and java.util.logging (the mock API server's) at ALL. Its own Surefire execution starts
 * the JVM with those levels and keeps the output out of the console. No plaintext token, nor the
 * basic-authentication header that carries one, appears in any log line, Secret, Event or other
 * object; the gateway admits exactly the current clients with their own tokens.
 */
@PhDeployTest
class PrivateEndpointTraceLogTest {

  @Test
  void noPlaintextTokenInAnyLogAtTraceLevelNorInTheCluster(
      PhDeployments deployments, PredictionGateway gateway, ModelRegistry models,
      KubernetesClient client) {
    assumeTrue(LoggerFactory.getLogger("io.fabric8").isTraceEnabled()
            && LoggerFactory.getLogger(PhDeployments.class).isTraceEnabled(),
        "runs in the trace-logs execution, which turns every logger to TRACE");
    models.serve(Journey.IMAGE, Journey.summing());
    URI endpoint = gateway.predictionUrl(Journey.NAME);
    List<ClientCredentials> issued = new ArrayList<>();
    String logs;
    try (CapturedStandardError slf4j = CapturedStandardError.start();
        JulCapture jul = JulCapture.start()) {
      Journey.deployFixture(deployments);
      deployments.makePrivate(Journey.NAME);
      ClientCredentials alice = deployments.addClient(Journey.NAME, "alice");
      ClientCredentials bob = deployments.addClient(Journey.NAME, "bob");
      issued.addAll(List.of(alice, bob));
      awaitClients(gateway, "alice", "bob");
      assertAnswers(endpoint, Map.of(
          "alice", alice, "bob", bob,
          "carol with alice's token", new ClientCredentials("carol", alice.token()),
          "alice with a wrong token", new ClientCredentials("alice", ClientTokens.generate()),
          "alice with bob's token", new ClientCredentials("alice", bob.token())),
          Set.of("alice", "bob"));
      assertThat(Journey.predict(endpoint, Journey.ROWS).statusCode())
          .as("no credentials").isEqualTo(401);

      deployments.removeClient(Journey.NAME, "alice");
      awaitClients(gateway, "bob");
      assertAnswers(endpoint, Map.of("alice", alice, "bob", bob), Set.of("bob"));
      deployments.makePublic(Journey.NAME);
      Journey.awaitRoute(gateway, "public", route -> route.privateEndpoint().isEmpty());
      deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, Journey.WAIT);
      logs = slf4j.text() + jul.text();
    }

    // fabric8's HTTP logging, on at TRACE, prints every request and response with its body.
    assertThat(logs).as("what was captured").contains(" TRACE ", " DEBUG ", "-HTTP START-");
    Map<String, String> cluster = ClusterText.of(client, Journey.NAMESPACE);
    for (ClientCredentials credentials : issued) {
      String header = Base64.getEncoder().encodeToString(
          (credentials.name() + ":" + credentials.token()).getBytes(StandardCharsets.UTF_8));
      assertThat(logs).as("the logs").doesNotContain(credentials.token(), header);
      cluster.forEach((where, text) ->
          assertThat(text).as(where).doesNotContain(credentials.token(), header));
    }
  }

  /**
   * Sends a prediction with each set of credentials: the named {@code admitted} ones answer 200,
   * every other one 401.
   */
  private static void assertAnswers(
      URI endpoint, Map<String, ClientCredentials> credentials, Set<String> admitted) {
    credentials.forEach((label, client) ->
        assertThat(Journey.predict(endpoint, Journey.ROWS, client).statusCode()).as(label)
            .isEqualTo(admitted.contains(label) ? 200 : 401));
  }

  private static void awaitClients(PredictionGateway gateway, String... names) {
    Journey.awaitRoute(gateway, "admitting " + String.join(", ", names), route -> route
        .privateEndpoint().map(PrivateEndpoint::clientNames).filter(Set.of(names)::equals)
        .isPresent());
  }

  /** Collects every java.util.logging record, of any level, while it is open. */
  private static final class JulCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final StringBuilder text = new StringBuilder();

    static JulCapture start() {
      JulCapture capture = new JulCapture();
      capture.setFormatter(new SimpleFormatter());
      capture.setLevel(Level.ALL);
      capture.root.setLevel(Level.ALL);
      capture.root.addHandler(capture);
      return capture;
    }

    @Override
    public synchronized void publish(LogRecord log) {
      text.append(getFormatter().format(log));
    }

    synchronized String text() {
      return text.toString();
    }

    @Override
    public void flush() {
      // Records are kept in memory only.
    }

    @Override
    public void close() {
      root.removeHandler(this);
      root.setLevel(rootLevel);
    }
  }
}
