package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.OWNED_NAME;
import static io.primehub.phdeploy.k8s.desired.Fixtures.desired;
import static io.primehub.phdeploy.k8s.desired.Fixtures.spamClassifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngressTest {

  private static final ControllerConfig CONFIGURED = ControllerConfig.builder()
      .ingressClassName("nginx")
      .ingressHost("models.example.com")
      .ingressTlsSecret("models-tls")
      .putIngressAnnotations("nginx.ingress.kubernetes.io/proxy-body-size", "64m")
      .putIngressAnnotations("nginx.ingress.kubernetes.io/rewrite-target", "/elsewhere")
      .build();

  @Test
  void routesTheDeploymentsPathToTheServiceAndStripsThePrefix() {
    Ingress ingress = desired().ingress();

    IngressRule rule = ingress.getSpec().getRules().get(0);
    assertThat(ingress.getSpec().getRules()).hasSize(1);
    assertThat(rule.getHost()).isNull();
    HTTPIngressPath path = rule.getHttp().getPaths().get(0);
    assertThat(rule.getHttp().getPaths()).hasSize(1);
    assertThat(path.getPath()).isEqualTo("/deployment/spam-classifier-abcxy/(.+)");
    assertThat(path.getPathType()).isEqualTo("ImplementationSpecific");
    assertThat(path.getBackend().getService().getName()).isEqualTo(OWNED_NAME);
    assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(8000);
    assertThat(ingress.getMetadata().getAnnotations()).containsOnlyKeys(
        "nginx.ingress.kubernetes.io/rewrite-target",
        "nginx.ingress.kubernetes.io/use-regex",
        DesiredHash.ANNOTATION);
    assertThat(ingress.getMetadata().getAnnotations()).contains(
        entry("nginx.ingress.kubernetes.io/rewrite-target", "/$1"),
        entry("nginx.ingress.kubernetes.io/use-regex", "true"));
  }

  @Test
  void withoutConfigurationItHasNoClassHostOrTls() {
    Ingress ingress = desired().ingress();

    assertThat(ingress.getSpec().getIngressClassName()).isNull();
    assertThat(ingress.getSpec().getTls()).isEmpty();
  }

  @Test
  void takesClassHostTlsAndAnnotationsFromTheConfiguration() {
    Ingress ingress = desired(CONFIGURED, spamClassifier()).ingress();

    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("models.example.com");
    assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
      assertThat(tls.getHosts()).containsExactly("models.example.com");
      assertThat(tls.getSecretName()).isEqualTo("models-tls");
    });
    Map<String, String> annotations = ingress.getMetadata().getAnnotations();
    assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "64m");
    assertThat(annotations)
        .as("phdeploy's own annotations win over configured ones")
        .containsEntry("nginx.ingress.kubernetes.io/rewrite-target", "/$1");
  }

  @Test
  void aHostWithoutTlsSecretHasNoTls() {
    ControllerConfig config = ControllerConfig.builder().ingressHost("models.example.com").build();

    Ingress ingress = desired(config, spamClassifier()).ingress();

    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("models.example.com");
    assertThat(ingress.getSpec().getTls()).isEmpty();
  }
}
