package io.primehub.phdeploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.k8s.standalone.StandaloneController;
import io.primehub.phdeploy.k8s.standalone.StandaloneEnvironment;
import io.primehub.phdeploy.k8s.standalone.StartupFailure;
import io.primehub.phdeploy.k8s.standalone.Variable;
import io.primehub.phdeploy.k8s.testing.Fixtures;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the controller as {@code main} does, against fabric8's mock API server. */
@EnableCrudMockServer
class ControllerMainTest {

  KubernetesClient client;
  KubernetesMockServer server;
  @TempDir
  Path directory;

  @Test
  void aGoodEnvironmentStartsAControllerThatReconciles() {
    PhDeploymentCrd.installIfAbsent(client);

    try (StandaloneController controller =
        ControllerMain.launch(StandaloneEnvironment.minimal(directory), client)) {
      client.resource(Fixtures.spamClassifier()).create();

      PhDeployment deployed = client.resources(PhDeployment.class).inNamespace("hub")
          .withName("spam-classifier-abcxy")
          .waitUntilCondition(d -> d.getStatus() != null, 20, TimeUnit.SECONDS);
      assertThat(deployed.getStatus().phase()).isNotNull();
      assertThat(controller.ready()).isTrue();
      assertThat(controller.healthAddress()).as("PHDEPLOY_HEALTH_PORT=0").isEmpty();
    }
  }

  @Test
  void withLeaderElectionItLeadsThroughItsLeaseThenProcesses() throws InterruptedException {
    PhDeploymentCrd.installIfAbsent(client);
    Map<String, String> environment = StandaloneEnvironment.minimal(directory);
    environment.put(Variable.LEADER_ELECTION.variableName(), "true");
    environment.put(Variable.NAMESPACE.variableName(), "hub");

    try (StandaloneController controller = ControllerMain.launch(environment, client)) {
      Lease lease = client.leases().inNamespace("hub").withName("phdeploy-controller")
          .waitUntilCondition(l -> l != null && l.getSpec().getHolderIdentity() != null,
              20, TimeUnit.SECONDS);
      assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
      assertThat(controller.ready()).as("leader or standby").isTrue();
      assertThat(controller.controller().awaitIdle(Duration.ofSeconds(20))).isTrue();
    }
  }

  @Test
  void badSettingsFailWithExitCode2BeforeTheClusterIsAsked() {
    StartupFailure failure = failure(Map.of(Variable.WORKERS.variableName(), "none"), client);

    assertThat(failure.exitCode()).isEqualTo(StartupFailure.BAD_SETTINGS);
    assertThat(failure.getMessage())
        .contains("PRIMEHUB_FEATURE_MODEL_DEPLOYMENT is not set")
        .contains("PHDEPLOY_WORKERS must be a whole number");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aMissingCrdFailsWithExitCode1AndSaysHowToInstallIt() {
    StartupFailure failure = failure(StandaloneEnvironment.minimal(directory), client);

    assertThat(failure.exitCode()).isEqualTo(StartupFailure.START_FAILED);
    assertThat(failure.getMessage())
        .contains(PhDeploymentCrd.NAME + " is not installed")
        .contains("kubectl apply -f deploy/crd.yaml");
  }

  @Test
  void podMonitorsWithoutTheirCrdFailWithExitCode1() {
    PhDeploymentCrd.installIfAbsent(client);
    Map<String, String> environment = StandaloneEnvironment.minimal(directory);
    environment.put(Variable.PODMONITOR.variableName(), "true");

    StartupFailure failure = failure(environment, client);

    assertThat(failure.exitCode()).isEqualTo(StartupFailure.START_FAILED);
    assertThat(failure.getMessage()).contains("podmonitors.monitoring.coreos.com is not installed")
        .contains("PHDEPLOY_PODMONITOR=false");
  }

  @Test
  void anUnreachableClusterFailsWithExitCode1() {
    int closedPort = StandaloneEnvironment.freePort();
    try (KubernetesClient unreachable = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder()
            .withMasterUrl("http://127.0.0.1:" + closedPort)
            .withRequestRetryBackoffLimit(0)
            .build())
        .build()) {
      StartupFailure failure = failure(StandaloneEnvironment.minimal(directory), unreachable);

      assertThat(failure.exitCode()).isEqualTo(StartupFailure.START_FAILED);
      assertThat(failure.getMessage())
          .startsWith("Cannot reach the Kubernetes API server at http://127.0.0.1:" + closedPort);
    }
  }

  private static StartupFailure failure(Map<String, String> environment, KubernetesClient client) {
    StartupFailure failure = catchThrowableOfType(StartupFailure.class,
        () -> ControllerMain.launch(environment, client).close());
    assertThat(failure).as("the start fails").isNotNull();
    return failure;
  }
}
