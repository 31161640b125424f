package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Watches the pods of a namespace through an informer, as a test's own observer, and remembers
 * the most pods and the fewest ready pods it saw at any one moment.
 */
final class PodCensus implements ResourceEventHandler<Pod>, AutoCloseable {

  private final Map<String, Boolean> readiness = new ConcurrentHashMap<>();
  private final SharedIndexInformer<Pod> informer;
  private int mostPods;
  private int fewestReady = Integer.MAX_VALUE;

  private PodCensus(KubernetesClient client, String namespace) {
    this.informer = client.pods().inNamespace(namespace).inform(this);
  }

  /**
   * Starts watching, and counts from the moment the informer has delivered this many ready pods,
   * so that its own initial listing, one pod at a time, does not count as pods going away.
   */
  static PodCensus watching(KubernetesClient client, String namespace, int readyPods)
      throws InterruptedException {
    PodCensus census = new PodCensus(client, namespace);
    census.await(() -> census.ready() >= readyPods);
    synchronized (census) {
      census.mostPods = census.readiness.size();
      census.fewestReady = census.ready();
    }
    return census;
  }

  /**
   * Waits until the informer has delivered exactly these pods, all ready, so that the census has
   * seen the whole of a change the cluster already finished.
   */
  void awaitReadyPods(Collection<String> names) throws InterruptedException {
    await(() -> readiness.keySet().equals(Set.copyOf(names)) && ready() == names.size());
  }

  private synchronized void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new IllegalStateException("the informer delivered only " + readiness);
      }
      wait(left);
    }
  }

  synchronized int mostPods() {
    return mostPods;
  }

  synchronized int fewestReady() {
    return fewestReady;
  }

  @Override
  public void onAdd(Pod pod) {
    record(pod, false);
  }

  @Override
  public void onUpdate(Pod before, Pod after) {
    record(after, false);
  }

  @Override
  public void onDelete(Pod pod, boolean finalStateUnknown) {
    record(pod, true);
  }

  @Override
  public void close() {
    informer.close();
  }

  private synchronized void record(Pod pod, boolean deleted) {
    if (deleted) {
      readiness.remove(pod.getMetadata().getName());
    } else {
      readiness.put(pod.getMetadata().getName(), ready(pod));
    }
    mostPods = Math.max(mostPods, readiness.size());
    fewestReady = Math.min(fewestReady, ready());
    notifyAll();
  }

  private int ready() {
    return (int) readiness.values().stream().filter(r -> r).count();
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
