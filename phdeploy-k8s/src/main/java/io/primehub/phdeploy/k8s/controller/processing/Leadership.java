package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a {@code Lease} with fabric8's {@code LeaderElector}: only the leader
 * processes; the others keep their caches warm and write nothing.
 */
public final class Leadership implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String leaseName;
  private final String identity;
  private final Duration leaseDuration;
  private volatile boolean leading;
  private CompletableFuture<?> election;

  /** An election for the lease {@code namespace/leaseName} under this identity. */
  public Leadership(
      KubernetesClient client,
      String namespace,
      String leaseName,
      String identity,
      Duration leaseDuration) {
    this.client = client;
    this.namespace = namespace;
    this.leaseName = leaseName;
    this.identity = identity;
    this.leaseDuration = leaseDuration;
  }

  /** Joins the election; {@code onStart} runs when this instance leads, {@code onStop} when it stops. */
  public void start(Runnable onStart, Runnable onStop) {
    election = client.leaderElector()
        .withConfig(new LeaderElectionConfigBuilder()
            .withName(leaseName)
            .withLock(new LeaseLock(namespace, leaseName, identity))
            .withLeaseDuration(leaseDuration)
            .withRenewDeadline(leaseDuration.multipliedBy(2).dividedBy(3))
            .withRetryPeriod(leaseDuration.dividedBy(5))
            .withReleaseOnCancel(true)
            .withLeaderCallbacks(new LeaderCallbacks(
                () -> {
                  leading = true;
                  LOG.info("{} leads through the lease {}/{}", identity, namespace, leaseName);
                  onStart.run();
                },
                () -> {
                  leading = false;
                  LOG.info("{} no longer leads", identity);
                  onStop.run();
                },
                leader -> LOG.info("The leader is {}", leader)))
            .build())
        .build()
        .start();
  }

  /** Whether this instance leads now. */
  public boolean leading() {
    return leading;
  }

  /** Leaves the election, releasing the lease if this instance holds it. */
  @Override
  public void close() {
    if (election != null) {
      election.cancel(true);
    }
  }
}
