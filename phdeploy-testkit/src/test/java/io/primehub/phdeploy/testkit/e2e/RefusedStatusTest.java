package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.testkit.ManualClock;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.server.InjectedFault;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one malformed object whose Failed status cannot be written: an API server that validates
 * a status write against the CRD's schema as a whole (without validation ratcheting) answers
 * 422 for an object whose spec breaks that schema. The controller then retries the write with
 * exponential backoff up to its cap, by the injected clock, instead of in a loop, and every
 * other deployment keeps reconciling.
 */
class RefusedStatusTest {

  private static final Logger LOG = LoggerFactory.getLogger(RefusedStatusTest.class);
  private static final String REFUSED = "malformed-refused";
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration STEP = Duration.ofMinutes(1);
  /** The production defaults of the controller's retries. */
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
  /**
   * One attempt a minute while the backoff is under a minute (the clock moves a minute at a
   * time), then backoffs of about 1, 2 and 4 minutes, then one every 5 minutes at most.
   */
  private static final int MOST_ATTEMPTS_IN_AN_HOUR = 30;

  @Test
  void theControllerRetriesARefusedStatusWithBackoffAndKeepsServingOthers() {
    ManualClock clock = ManualClock.startingNow();
    try (PhDeployEnvironment env = PhDeployEnvironment.builder().clock(clock)
        .controller(controller -> controller.retryBackoff(FIRST_RETRY, LONGEST_RETRY))
        .start()) {
      KubernetesClient client = env.cluster().client();
      InjectedFault refusal = env.cluster().faults()
          .on(Verb.PATCH, "phdeployments/status").named(REFUSED).respond(422);

      Malformation.all().get(0).create(client, REFUSED);
      env.deployments().create(Journey.NAME, Journey.fixture().getSpec());
      env.deployments().awaitPhase(Journey.NAME, Phase.DEPLOYED, Journey.WAIT);
      for (Duration passed = Duration.ZERO; passed.compareTo(HOUR) < 0; passed = passed.plus(STEP)) {
        clock.advance(STEP);
        env.awaitIdle();
      }

      LOG.info("in an hour the controller tried {} times to write the refused status",
          refusal.hits());
      assertThat(refusal.hits()).isBetween(2, MOST_ATTEMPTS_IN_AN_HOUR);
      assertThat(Verdicts.raw(client, REFUSED).get().getAdditionalProperties())
          .doesNotContainKey("status");
      assertThat(Verdicts.deploymentOf(client, REFUSED)).isNull();
      assertThat(env.deployments().require(Journey.NAME)).isDeployed().hasAvailableReplicas(2);
    }
  }
}
