package io.primehub.phdeploy.testkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.server.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reconcile that fails because the API server refused a write is retried and says so in one
 * warning line: under a fault rate, a stack trace per failure would bury everything else.
 */
class ApiErrorLogTest {

  @Test
  void aRefusedWriteFailsTheReconcileWithOneWarningLineAndIsRetried() {
    try (PhDeployEnvironment env = PhDeployEnvironment.builder()
            .controllerClient(config -> config.withRequestRetryBackoffLimit(0))
            .start();
        CapturedStandardError log = CapturedStandardError.start()) {
      env.cluster().faults().on(Verb.CREATE, "deployments")
          .fromUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT).times(1).respond(500);

      env.deployments().create(Journey.NAME, Journey.fixture().getSpec());
      env.deployments().awaitPhase(Journey.NAME, Phase.DEPLOYED, Journey.WAIT);

      List<String> lines = log.text().lines().toList();
      assertThat(lines).filteredOn(line -> line.contains("Reconciling hub/" + Journey.NAME))
          .singleElement().asString()
          .contains("WARN", "failed (attempt 1): ", "Internal error occurred", "retrying in");
      assertThat(lines).as("no stack trace").noneMatch(line -> line.startsWith("\tat "));
    }
  }
}
