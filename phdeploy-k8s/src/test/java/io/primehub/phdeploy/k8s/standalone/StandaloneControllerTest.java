package io.primehub.phdeploy.k8s.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.k8s.testing.Fixtures;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone controller's health and metrics endpoints against fabric8's mock API server. */
@EnableCrudMockServer
class StandaloneControllerTest {

  private static final Pattern CONTROLLER_METRIC = Pattern.compile("phdeploy_[a-z_]+");

  KubernetesClient client;
  @TempDir
  Path directory;
  private StandaloneController controller;
  private InetSocketAddress health;

  @BeforeEach
  void start() {
    PhDeploymentCrd.installIfAbsent(client);
    Map<String, String> environment = StandaloneEnvironment.minimal(directory);
    environment.put(Variable.HEALTH_PORT.variableName(),
        String.valueOf(StandaloneEnvironment.freePort()));
    controller = StandaloneController.start(ControllerSettings.fromEnvironment(environment), client);
    health = controller.healthAddress().orElseThrow();
  }

  @AfterEach
  void stop() {
    controller.close();
  }

  @Test
  void aStartedControllerIsHealthyAndReady() throws Exception {
    HttpResponse<String> healthz = StandaloneEnvironment.get(health, "/healthz");
    assertThat(healthz.statusCode()).isEqualTo(200);
    assertThat(healthz.body()).isEqualTo("ok\n");
    assertThat(StandaloneEnvironment.get(health, "/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsCountTheReconcilesAndCarryTheJvms() throws Exception {
    client.resource(Fixtures.spamClassifier()).create();
    client.resources(PhDeployment.class).inNamespace("hub").withName("spam-classifier-abcxy")
        .waitUntilCondition(d -> d.getStatus() != null, 20, TimeUnit.SECONDS);
    assertThat(controller.controller().awaitIdle(Duration.ofSeconds(20))).isTrue();

    String metrics = StandaloneEnvironment.get(health, "/metrics").body();

    assertThat(metrics)
        .containsPattern("phdeploy_reconcile_seconds_count\\{outcome=\"success\"} [1-9]")
        .contains("phdeploy_queue_depth")
        .contains("phdeploy_deployments{phase=\"Deploying\"}")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void theDashboardQueriesOnlyMetricsTheControllerExports() throws Exception {
    String metrics = StandaloneEnvironment.get(health, "/metrics").body();

    assertThat(dashboardControllerMetrics()).isNotEmpty().allSatisfy(
        name -> assertThat(metrics).as("the dashboard's %s", name)
            .containsPattern("(?m)^" + name + "[{ ]"));
  }

  @Test
  void aClosedControllerServesNoMore() {
    controller.close();

    assertThat(controller.ready()).isFalse();
    assertThatThrownBy(() -> StandaloneEnvironment.get(health, "/healthz"))
        .isInstanceOf(IOException.class);
  }

  private static Set<String> dashboardControllerMetrics() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(Manifests.file("grafana-dashboard.json").toFile());
    Set<String> names = new TreeSet<>();
    for (JsonNode expression : dashboard.findValues("expr")) {
      Matcher metric = CONTROLLER_METRIC.matcher(expression.asText());
      while (metric.find()) {
        names.add(metric.group());
      }
    }
    return names;
  }
}
