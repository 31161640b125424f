package io.primehub.phdeploy.k8s.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/controller.yaml} runs the controller with settings it starts with, under the
 * ServiceAccount of {@code deploy/rbac.yaml}, with the fixtures' catalog where
 * {@code PHDEPLOY_CATALOG} says; {@code deploy/podmonitor.yaml} scrapes its metrics port.
 */
class ControllerManifestTest {

  private static final String NAME = "phdeploy-controller";

  private final Deployment deployment =
      Manifests.object("controller.yaml", Deployment.class, NAME);
  private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();
  private final Container container = pod.getContainers().get(0);

  @Test
  void theEnvironmentIsValidSettingsOfKnownVariables(@TempDir Path directory) throws IOException {
    Map<String, String> environment = environment();
    // The manifest's catalog path exists only in the pod; the same catalog is put here.
    Path catalog = directory.resolve("catalog.yaml");
    Files.writeString(catalog, catalogConfigMap().getData().get("catalog.yaml"));
    environment.put(Variable.CATALOG.variableName(), catalog.toString());

    try (ControllerSettings settings = ControllerSettings.fromEnvironment(environment)) {
      assertThat(settings.unknownVariables()).as("misspelt variables").isEmpty();
      assertThat(settings.healthPort()).isEqualTo(port("http"));
    }
  }

  @Test
  void everyVariableWithoutADefaultIsSet() {
    assertThat(environment()).containsEntry(Variable.FEATURE.variableName(), "true")
        .hasEntrySatisfying(Variable.CATALOG.variableName(),
            path -> assertThat(path).isNotBlank());
  }

  @Test
  void theCatalogConfigMapHoldsTheFixturesCatalogAtThePathOfPhdeployCatalog()
      throws IOException {
    assertThat(catalogConfigMap().getData().get("catalog.yaml"))
        .isEqualTo(Files.readString(Manifests.ROOT.resolve("fixtures/catalog.yaml")));
    Path catalog = Path.of(environment().get(Variable.CATALOG.variableName()));
    VolumeMount mount = container.getVolumeMounts().stream()
        .filter(m -> Path.of(m.getMountPath()).equals(catalog.getParent()))
        .findFirst().orElseThrow(() -> new AssertionError("nothing is mounted at " + catalog));
    Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
        .findFirst().orElseThrow();
    assertThat(volume.getConfigMap().getName()).isEqualTo(catalogConfigMap().getMetadata().getName());
    assertThat(catalog.getFileName()).hasToString("catalog.yaml");
  }

  @Test
  void thePodRunsUnderTheServiceAccountOfTheRbacManifest() {
    ServiceAccount account = Manifests.object("rbac.yaml", ServiceAccount.class, NAME);
    assertThat(pod.getServiceAccountName()).isEqualTo(account.getMetadata().getName());
    assertThat(deployment.getMetadata().getNamespace())
        .isEqualTo(account.getMetadata().getNamespace());
  }

  @Test
  void theContainerIsProbedLockedDownAndBounded() {
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");
  }

  @Test
  void thePodMonitorScrapesTheControllersMetricsPort() {
    GenericKubernetesResource monitor = (GenericKubernetesResource) Manifests
        .objects("podmonitor.yaml").get(0);
    assertThat(monitor.getKind()).isEqualTo("PodMonitor");
    assertThat(monitor.getMetadata().getNamespace())
        .isEqualTo(deployment.getMetadata().getNamespace());
    Map<String, String> selected = monitor.get("spec", "selector", "matchLabels");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(selected);
    List<Map<String, Object>> endpoints = monitor.get("spec", "podMetricsEndpoints");
    assertThat(endpoints).singleElement().satisfies(endpoint -> {
      assertThat(endpoint).containsEntry("path", "/metrics");
      assertThat(port((String) endpoint.get("port"))).isEqualTo(
          Integer.parseInt(environment().get(Variable.HEALTH_PORT.variableName())));
    });
  }

  /** The container's environment, with the pod's namespace as the downward API gives it. */
  private Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      String value = variable.getValue();
      if (variable.getValueFrom() != null) {
        assertThat(variable.getValueFrom().getFieldRef().getFieldPath())
            .as("the only reference the test knows").isEqualTo("metadata.namespace");
        value = deployment.getMetadata().getNamespace();
      }
      environment.put(variable.getName(), value);
    }
    return environment;
  }

  private int port(String name) {
    return container.getPorts().stream().filter(p -> p.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no port " + name)).getContainerPort();
  }

  private static ConfigMap catalogConfigMap() {
    return Manifests.object("controller.yaml", ConfigMap.class, "phdeploy-catalog");
  }
}
