package io.primehub.phdeploy.testkit.junit;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.catalog.InMemoryCatalogSource;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.ManualClock;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.gateway.ModelRegistry;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What {@link PhDeployTest} gives a test: each parameter type resolves to the part of one
 * environment, which lifecycle methods share with their test and no other test sees.
 */
@PhDeployTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhDeployExtensionTest {

  /** The first test's environment and deployment, which the second must not see. */
  private static PhDeployEnvironment firstEnvironment;
  private static String firstDeployment;

  private PhDeployEnvironment beforeEach;
  private PhDeployments beforeEachDeployments;

  @BeforeEach
  void receiveTheEnvironment(PhDeployEnvironment env, PhDeployments deployments) {
    beforeEach = env;
    beforeEachDeployments = deployments;
  }

  @AfterEach
  void stillHaveTheEnvironment(PhDeployEnvironment env) {
    assertThat(env).as("the environment of @AfterEach").isSameAs(beforeEach);
    assertThat(env.controller().processing()).as("closed only after @AfterEach").isTrue();
  }

  @Test
  @Order(1)
  void everyParameterIsAPartOfTheTestsEnvironment(
      PhDeployEnvironment env,
      InMemoryCluster cluster,
      PhDeployments deployments,
      PhDeployController controller,
      KubernetesClient client,
      ModelRegistry models,
      PredictionGateway gateway,
      InMemoryCatalogSource catalog) throws Exception {
    assertThat(env).as("the environment of @BeforeEach").isSameAs(beforeEach);
    assertThat(deployments).isSameAs(beforeEachDeployments).isSameAs(env.deployments());
    assertThat(cluster).isSameAs(env.cluster());
    assertThat(controller).isSameAs(env.controller());
    assertThat(controller.processing()).isTrue();
    assertThat(client).isSameAs(cluster.client());
    assertThat(models).isSameAs(env.models()).isSameAs(cluster.models());
    assertThat(gateway).isSameAs(env.gateway()).isSameAs(cluster.gateway());
    assertThat(catalog).isSameAs(cluster.catalog());
    assertThat(catalog.catalog().group("phusers")).as("the fixture catalog").isPresent();
    assertThat(deployments.namespace()).isEqualTo("hub");
    assertThat(env.clock()).as("the system clock unless asked otherwise")
        .isEqualTo(Clock.systemUTC());

    firstEnvironment = env;
    firstDeployment = SampleDeployment.create(deployments);
    deployments.awaitPhase(firstDeployment, Phase.DEPLOYED, SampleDeployment.WAIT);
  }

  @Test
  @Order(2)
  void theNextTestHasAnEnvironmentOfItsOwn(PhDeployEnvironment env, PhDeployments deployments) {
    Assumptions.assumeTrue(firstEnvironment != null, "runs after the first test of the class");

    assertThat(env).isNotSameAs(firstEnvironment);
    assertThat(firstEnvironment.controller().processing())
        .as("the first test's controller, closed with its environment").isFalse();
    assertThat(deployments.list()).isEmpty();
    assertThat(deployments.get(firstDeployment)).isEmpty();
  }

  /** A nested class's tests get environments too, under the enclosing class's settings. */
  @Nested
  class InANestedClass {

    @Test
    void receivesAnEnvironmentOfItsOwn(PhDeployEnvironment env, PhDeployments deployments) {
      assertThat(env).isSameAs(beforeEach);
      assertThat(env).isNotSameAs(firstEnvironment);
      assertThat(deployments.namespace()).isEqualTo("hub");
      String name = SampleDeployment.create(deployments);
      assertThat(deployments.awaitPhase(name, Phase.DEPLOYED, SampleDeployment.WAIT).phase())
          .isEqualTo(Phase.DEPLOYED);
      assertThat(deployments.require(name)).isDeployed().hasAvailableReplicas(1);
    }
  }

  /** A nested class may choose settings of its own. */
  @Nested
  @PhDeployTest(manualClock = true, namespace = "nested")
  class WithSettingsOfItsOwn {

    @Test
    void receivesThem(ManualClock clock, PhDeployEnvironment env, PhDeployments deployments) {
      assertThat(env).isSameAs(beforeEach);
      assertThat(env.clock()).isSameAs(clock);
      assertThat(deployments.namespace()).isEqualTo("nested");
    }
  }
}
