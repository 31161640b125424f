package io.primehub.phdeploy.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Watches PhDeployments as a user would and counts those that have reached a phase for their
 * current spec: the stopwatch of a benchmark, independent of whoever writes the statuses.
 */
final class PhaseTally implements AutoCloseable {

  private static final int LAGGARDS_SHOWN = 5;

  private final Phase target;
  private final long minGeneration;
  private final Map<String, Boolean> reached = new ConcurrentHashMap<>();
  private final SharedIndexInformer<PhDeployment> informer;
  private final KubernetesClient client;
  private final Object changed = new Object();

  private PhaseTally(KubernetesClient client, Phase target, long minGeneration) {
    this.client = client;
    this.target = target;
    this.minGeneration = minGeneration;
    this.informer = client.resources(PhDeployment.class).inNamespace(Fleet.NAMESPACE)
        .inform(new ChangeHandler<>(this::see, gone -> reached.remove(gone.name())));
  }

  /**
   * Starts counting the deployments that are in {@code target} for their current spec, once
   * that spec is at {@code minGeneration} or later.
   */
  static PhaseTally of(KubernetesClient client, Phase target, long minGeneration) {
    return new PhaseTally(client, target, minGeneration);
  }

  /** How many deployments are in the phase now. */
  int count() {
    return (int) reached.values().stream().filter(Boolean::booleanValue).count();
  }

  /**
   * Waits until {@code expected} deployments are in the phase.
   *
   * @throws IllegalStateException with the count reached, and the first few deployments not in
   *     the phase as this watcher saw them and as the server holds them, if {@code timeout}
   *     passes first
   */
  void await(int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (changed) {
      while (count() < expected) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(count() + " of " + expected + " deployments are "
              + target + " after " + timeout + "; some that are not: " + laggards());
        }
        changed.wait(Math.max(1, Duration.ofNanos(left).toMillis()));
      }
    }
  }

  /** What a stalled run needs to tell a lost event from a stuck deployment. */
  private String laggards() {
    return reached.entrySet().stream()
        .filter(entry -> !entry.getValue())
        .limit(LAGGARDS_SHOWN)
        .map(entry -> entry.getKey() + " (watched: " + describe(informer.getStore()
            .getByKey(Fleet.NAMESPACE + "/" + entry.getKey())) + "; on the server: "
            + describe(client.resources(PhDeployment.class).inNamespace(Fleet.NAMESPACE)
                .withName(entry.getKey()).get()) + ")")
        .collect(Collectors.joining(", "));
  }

  private static String describe(PhDeployment deployment) {
    if (deployment == null) {
      return "absent";
    }
    PhDeploymentStatus status = deployment.getStatus();
    return "generation " + deployment.getMetadata().getGeneration()
        + (status == null ? ", no status" : ", observed " + status.observedGeneration() + ", "
            + status.phase() + ": " + status.message());
  }

  private void see(PhDeployment deployment) {
    PhDeploymentStatus status = deployment.getStatus();
    long generation = deployment.getMetadata().getGeneration();
    boolean inPhase = status != null && status.phase() == target
        && generation >= minGeneration
        && status.observedGeneration() != null
        && status.observedGeneration() == generation;
    reached.put(deployment.name(), inPhase);
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  @Override
  public void close() {
    informer.close();
  }
}
