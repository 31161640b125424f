package io.primehub.phdeploy.bench;

import io.primehub.phdeploy.core.catalog.InMemoryCatalogSource;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user's test as the testkit's README shows one, run by {@link LatencyBench} through the
 * JUnit Platform: it deploys one model after another and times each create until Deployed.
 */
@PhDeployTest(namespace = Fleet.NAMESPACE)
class CreateToDeployedProbe {

  /** How many samples the next run takes; set by {@link LatencyBench} before it launches. */
  static volatile int samples = 1;
  /** The seconds each sample of the last run took. */
  static final List<Double> SECONDS = new ArrayList<>();

  @Test
  void createToDeployed(InMemoryCatalogSource catalog, PhDeployments deployments) {
    catalog.replace(Fleet.catalog());
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      deployments.create(Fleet.name(i), Fleet.spec(Fleet.IMAGE));
      deployments.awaitPhase(Fleet.name(i), Phase.DEPLOYED, Duration.ofMinutes(1));
      double seconds = Statistics.secondsSince(start);
      synchronized (SECONDS) {
        SECONDS.add(seconds);
      }
    }
  }
}
