package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.standalone.Variable;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone controller as an operator runs it: the packaged jar in a process of its own,
 * configured by its environment, reaching the in-memory cluster through the cluster's kubeconfig
 * as it would reach a real one. No controller runs in the test's process, so whatever deploys
 * the fixture is the jar. It deploys, serves its health endpoint, and on SIGTERM drains and
 * exits.
 */
class ControllerJarTest {

  /**
   * The exit status of a JVM that SIGTERM ended: 128 + 15. The controller drains and stops in a
   * shutdown hook, and the JVM exits with the status the signal gave it whatever its hooks do,
   * as any JVM service that Kubernetes stops does.
   */
  private static final int EXIT_ON_SIGTERM = 143;
  private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
  private static final Path OUTPUT = Path.of("target", "controller-jar", "controller.log");

  @TempDir
  Path temp;

  @Test
  void theJarDeploysTheFixtureAnswersHealthChecksAndDrainsOnSigterm() throws Exception {
    int healthPort = freePort();
    try (InMemoryCluster cluster = InMemoryCluster.builder().fixtureCatalog().start();
        ControllerProcess controller = ControllerProcess.start(Map.of(
            "KUBECONFIG", cluster.kubeconfig().toString(),
            Variable.FEATURE.variableName(), "true",
            Variable.CATALOG.variableName(), fixtureCatalogCopy().toString(),
            Variable.NAMESPACE.variableName(), "hub",
            Variable.BASE_URL.variableName(), cluster.gateway().baseUrl().toString(),
            Variable.HEALTH_PORT.variableName(), String.valueOf(healthPort)), OUTPUT)) {
      try {
        cluster.models().serve(Journey.IMAGE, Journey.summing());
        PhDeployments deployments = PhDeployments.using(cluster.client()).inNamespace("hub");

        PhDeploymentStatus deployed =
            whileRunning(controller, () -> Journey.deployFixture(deployments));

        URI endpoint = cluster.gateway().predictionUrl(Journey.NAME);
        assertThat(deployed.endpoint()).isEqualTo(endpoint.toString());
        assertThat(deployments.require(Journey.NAME)).isDeployed().hasAvailableReplicas(2)
            .hasHistorySize(1);
        Journey.awaitBothReplicasReady(cluster.gateway());
        assertThat(Journey.predict(endpoint, Journey.ROWS).statusCode()).isEqualTo(200);
        // The health endpoints start before the controller, which has deployed since.
        assertThat(get(healthPort, "/healthz")).isEqualTo("200 ok\n");
        assertThat(get(healthPort, "/readyz")).isEqualTo("200 ready\n");

        assertThat(controller.terminate(STOP_WITHIN)).isEqualTo(EXIT_ON_SIGTERM);
        assertThat(controller.output())
            .contains("Created Deployment hub/deploy-" + Journey.NAME)
            .contains("Stopped processing", "The phdeploy controller stopped");
        assertThat(controller.outputLines()).noneMatch(line -> line.contains(" ERROR "));
      } catch (AssertionError | RuntimeException failure) {
        System.out.println("The controller's output (" + OUTPUT.toAbsolutePath() + "):\n"
            + controller.output());
        throw failure;
      }
    }
  }

  /**
   * Waits for {@code wait} unless the process ends first, which no wait in the cluster would
   * notice: a controller that exits at start (bad settings, no cluster) fails the test at once.
   */
  private static <T> T whileRunning(ControllerProcess controller, Supplier<T> wait)
      throws InterruptedException {
    CompletableFuture<T> waited = CompletableFuture.supplyAsync(wait);
    try {
      CompletableFuture.anyOf(waited, controller.process().onExit())
          .get(Journey.WAIT.toSeconds() + 10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("neither the wait ended nor the controller within "
          + Journey.WAIT, e);
    }
    if (!waited.isDone()) {
      throw new AssertionError("the controller exited with code "
          + controller.process().exitValue() + " while the test waited for it");
    }
    return waited.join();
  }

  private Path fixtureCatalogCopy() throws IOException {
    try (InputStream catalog = getClass().getResourceAsStream("/fixtures/catalog.yaml")) {
      Path copy = temp.resolve("catalog.yaml");
      Files.copy(catalog, copy);
      return copy;
    }
  }

  /** A port free now; the process binds it a moment later, which is all a test can do. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** {@code <status> <body>} of a GET of the controller's health endpoint. */
  private static String get(int port, String path) {
    HttpResponse<String> response = Journey.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10)).GET());
    return response.statusCode() + " " + response.body();
  }
}
