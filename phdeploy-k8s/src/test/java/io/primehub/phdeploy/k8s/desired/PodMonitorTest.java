package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.NAME;
import static io.primehub.phdeploy.k8s.desired.Fixtures.OWNED_NAME;
import static io.primehub.phdeploy.k8s.desired.Fixtures.desired;
import static io.primehub.phdeploy.k8s.desired.Fixtures.spamClassifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodMonitorTest {

  @Test
  void thereIsNoPodMonitorUnlessEnabled() {
    assertThat(desired().podMonitor()).isNull();
    assertThat(desired().resources()).noneMatch(r -> r.getKind().equals("PodMonitor"));
  }

  @Test
  void anEnabledPodMonitorScrapesTheEngineOfTheDeploymentsPods() {
    ControllerConfig config = ControllerConfig.builder().podMonitorEnabled(true).build();

    GenericKubernetesResource monitor = desired(config, spamClassifier()).podMonitor();

    assertThat(monitor).isNotNull();
    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getKind()).isEqualTo("PodMonitor");
    assertThat(monitor.getMetadata().getName()).isEqualTo(OWNED_NAME);
    assertThat(monitor.getAdditionalProperties().get("spec")).isEqualTo(Map.of(
        "selector", Map.of("matchLabels",
            Map.of("app", "primehub-group", "primehub.io/phdeployment", NAME)),
        "podMetricsEndpoints", List.of(Map.of("port", "engine-http", "path", "/prometheus"))));
  }
}
