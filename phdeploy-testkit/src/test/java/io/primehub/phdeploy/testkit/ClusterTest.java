package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;

/**
 * A test with an in-memory cluster of its own for each test method: the fixture catalog, the
 * default nodes, and a manual clock standing at {@link #START} until the test moves it.
 */
abstract class ClusterTest {

  static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  final ManualClock clock = ManualClock.at(START);
  final InMemoryCluster cluster = InMemoryCluster.builder().clock(clock).fixtureCatalog().start();
  final KubernetesClient client = cluster.client();

  @AfterEach
  final void closeCluster() {
    cluster.close();
  }
}
