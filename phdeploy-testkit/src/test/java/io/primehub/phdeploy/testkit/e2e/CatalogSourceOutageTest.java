package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.primehub.phdeploy.core.catalog.CatalogSource;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.k8s.catalog.FileCatalogSource;
import io.primehub.phdeploy.k8s.catalog.GraphQlCatalogSource;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.controller.metrics.MicrometerControllerMetrics;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The controller's real catalog sources going away under running deployments: PrimeHub's GraphQL
 * API failing or down, the YAML catalog file deleted, broken or unreadable. Whatever the source,
 * the running deployments are not touched, the outage shows on their status and in the metrics,
 * a deployment changed meanwhile waits, and everything catches up once the source is back.
 */
class CatalogSourceOutageTest {

  private static final String STEADY = "spam-classifier-steady";
  private static final String CHANGED = "spam-classifier-changed";
  private static final String OUTAGE = "The catalog of groups and instance types cannot be read";

  @TempDir
  Path temp;

  /** How the catalog file is made unusable. */
  enum FileBreakage {
    DELETED {
      @Override
      void apply(Path file) throws IOException {
        Files.delete(file);
      }
    },
    NOT_A_CATALOG {
      @Override
      void apply(Path file) throws IOException {
        Files.writeString(file, "groups: [ {name: phusers, quota: \"eight\"\n");
      }
    },
    UNREADABLE {
      // A directory where the file was: unreadable as a file even to root, unlike chmod 000.
      @Override
      void apply(Path file) throws IOException {
        Files.delete(file);
        Files.createDirectory(file);
      }
    };

    abstract void apply(Path file) throws IOException;
  }

  @Test
  void primeHubFailingThenDownThenBack() {
    try (PrimeHubStub primeHub = PrimeHubStub.start()) {
      GraphQlCatalogSource source = GraphQlCatalogSource.builder(primeHub.url(), "s3cr3t-bearer")
          .ttl(Duration.ZERO).retry(2, Duration.ofMillis(10))
          .circuitBreaker(3, Duration.ofMillis(500)).build();
      outageJourney(source, false,
          () -> primeHub.failWith(503),
          primeHub::goAway,
          primeHub::comeBack,
          "PrimeHub GraphQL API at " + primeHub.url());
    }
  }

  @ParameterizedTest
  @EnumSource(FileBreakage.class)
  void theCatalogFileBrokenThenRepaired(FileBreakage breakage) throws IOException {
    Path file = temp.resolve("catalog.yaml");
    try (InputStream fixture = getClass().getResourceAsStream("/fixtures/catalog.yaml")) {
      Files.copy(fixture, file);
    }
    byte[] good = Files.readAllBytes(file);
    try (FileCatalogSource source = FileCatalogSource.watching(file)) {
      outageJourney(source, true,
          () -> uncheck(() -> breakage.apply(file)),
          () -> { },
          () -> uncheck(() -> {
            if (Files.isDirectory(file)) {
              Files.delete(file);
            }
            Files.write(file, good);
          }),
          "catalog file " + file);
    }
  }

  /**
   * Two deployments run; the source breaks (in one or two steps), and one deployment is scaled
   * during the outage; then the source comes back. A {@code watched} source tells the controller
   * of the outage itself; another is found out when the controller next reads it.
   */
  private static void outageJourney(
      CatalogSource source, boolean watched, Runnable breakSource, Runnable breakFurther, Runnable repair,
      String origin) {
    MeterRegistry registry = new SimpleMeterRegistry();
    try (PhDeployEnvironment env = PhDeployEnvironment.builder()
        .controller(controller -> controller.catalog(source)
            .metrics(MicrometerControllerMetrics.of(registry)))
        .start()) {
      KubernetesClient client = env.cluster().client();
      PhDeployments deployments = env.deployments();
      env.models().serve(Journey.IMAGE, Journey.summing());
      Stream.of(STEADY, CHANGED).forEach(name ->
          deployments.create(name, Journey.fixture().getSpec()));
      Stream.of(STEADY, CHANGED).forEach(name ->
          deployments.awaitPhase(name, Phase.DEPLOYED, Journey.WAIT));
      env.awaitIdle();
      String deployedMessage = deployments.require(STEADY).getStatus().message();
      Map<String, String> versions = ownedVersions(client);
      env.cluster().journal().reset();

      breakSource.run();
      if (watched) {
        // The file's watch tells the controller; the scale below must come after, or it would
        // race the watch and be applied with the catalog read just before.
        Verdicts.awaitStatus(client, STEADY, "the outage reported",
            status -> status.message().startsWith(OUTAGE));
      }
      // Scaling makes the controller read the catalog, which is how a source without a watch of
      // its own (the GraphQL API) has its outage noticed.
      deployments.scale(CHANGED, 1, "one replica during the outage");
      for (String name : new String[] {STEADY, CHANGED}) {
        assertThat(Verdicts.awaitStatus(client, name, "the outage reported",
                status -> status.message().startsWith(OUTAGE)))
            .isDeployed().hasMessageContaining(origin);
      }
      breakFurther.run();
      deployments.update(CHANGED, spec -> spec, "still one replica, said again");
      Verdicts.awaitStatus(client, CHANGED, "the outage reported for the new generation",
          status -> status.message().startsWith(OUTAGE));
      assertThat(Journey.predict(env.gateway().predictionUrl(STEADY), Journey.ROWS).statusCode())
          .isEqualTo(200);
      assertThat(registry.get("phdeploy.catalog.available").gauge().value()).isZero();
      assertThat(registry.get("phdeploy.catalog.unavailable").counter().count()).isPositive();

      RequestCounts during = env.cluster().journal().snapshot()
          .fromUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT);
      assertThat(ownedVersions(client)).as("nothing owned changed").isEqualTo(versions);
      assertThat(writes(during)).as("the controller's writes during the outage")
          .containsOnlyKeys("PATCH phdeployments/status");
      assertThat(Verdicts.deploymentOf(client, CHANGED).getSpec().getReplicas())
          .as("the scale waits for the catalog").isEqualTo(2);

      repair.run();

      assertThat(Verdicts.awaitStatus(client, CHANGED, "scaled after the outage",
              status -> status.phase() == Phase.DEPLOYED && Integer.valueOf(1).equals(status.replicas())
                  && !status.message().startsWith(OUTAGE)))
          .hasAvailableReplicas(1);
      assertThat(Verdicts.awaitStatus(client, STEADY, "the outage over",
              status -> status.message().equals(deployedMessage)))
          .isDeployed();
      assertThat(Verdicts.deploymentOf(client, CHANGED).getSpec().getReplicas()).isEqualTo(1);
      assertThat(registry.get("phdeploy.catalog.available").gauge().value()).isEqualTo(1.0);
    }
  }

  /** The write requests by verb and resource. */
  private static Map<String, Long> writes(RequestCounts counts) {
    Map<String, Long> writes = new TreeMap<>(counts.byVerbAndResource());
    writes.keySet().removeIf(key -> Stream.of(Verb.values()).filter(verb -> !verb.writes())
        .anyMatch(verb -> key.startsWith(verb.name() + " ")));
    return writes;
  }

  /** The resource version of each object both deployments own, by kind and name. */
  private static Map<String, String> ownedVersions(KubernetesClient client) {
    Map<String, String> versions = new TreeMap<>();
    for (String name : new String[] {STEADY, CHANGED}) {
      String owned = OwnedNames.of(name);
      Stream.<HasMetadata>of(
              client.apps().deployments().inNamespace(Journey.NAMESPACE).withName(owned).get(),
              client.services().inNamespace(Journey.NAMESPACE).withName(owned).get(),
              client.network().v1().ingresses().inNamespace(Journey.NAMESPACE).withName(owned)
                  .get())
          .forEach(object -> versions.put(object.getKind() + " " + owned,
              object.getMetadata().getResourceVersion()));
    }
    return versions;
  }

  private static void uncheck(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A step that may fail with an I/O error. */
  private interface IoAction {
    void run() throws IOException;
  }
}
