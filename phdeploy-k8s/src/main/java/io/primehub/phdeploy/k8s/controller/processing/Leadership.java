package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
  private volatile boolean closed;
  private Runnable onStart;
  private Runnable onStop;
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

  /**
   * Joins the election; {@code onStart} runs when this instance leads, {@code onStop} when it
   * stops leading. An instance that loses the lease joins the election again, so that it can
   * lead once more when the other leader goes.
   */
  public synchronized void start(Runnable onStart, Runnable onStop) {
    this.onStart = onStart;
    this.onStop = onStop;
    join();
  }

  private synchronized void join() {
    if (closed) {
      return;
    }
    election = client.leaderElector()
        .withConfig(new LeaderElectionConfigBuilder()
            .withName(leaseName)
            .withLock(new LeaseLock(namespace, leaseName, identity))
            .withLeaseDuration(leaseDuration)
            .withRenewDeadline(leaseDuration.multipliedBy(2).dividedBy(3))
            .withRetryPeriod(retryPeriod())
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
    // The elector ends when leadership is lost (or the lease cannot be read); join again after
    // a pause rather than at once, so a persistent error does not spin.
    election.whenComplete((ignored, error) -> CompletableFuture.runAsync(this::join,
        CompletableFuture.delayedExecutor(retryPeriod().toMillis(), TimeUnit.MILLISECONDS)));
  }

  private Duration retryPeriod() {
    return leaseDuration.dividedBy(5);
  }

  /** The identity this instance stands under in the lease. */
  public String identity() {
    return identity;
  }

  /** Whether this instance leads now. */
  public boolean leading() {
    return leading;
  }

  /** Leaves the election, releasing the lease if this instance holds it. */
  @Override
  public synchronized void close() {
    closed = true;
    if (election != null) {
      election.cancel(true);
    }
  }
}
