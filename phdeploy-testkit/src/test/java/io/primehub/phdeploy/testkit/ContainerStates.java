package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Watches the pods of a namespace and records, in order, every waiting reason one container went
 * through, as a person watching {@code kubectl get pods -w} would see them.
 */
final class ContainerStates implements Watcher<Pod>, AutoCloseable {

  private final String container;
  private final List<String> reasons = new ArrayList<>();
  private final Map<String, String> firstMessages = new HashMap<>();
  private final Watch watch;

  private ContainerStates(KubernetesClient client, String namespace, String container) {
    this.container = container;
    this.watch = client.pods().inNamespace(namespace).watch(this);
  }

  /** Records the waiting reasons of the container of this name, in any pod of the namespace. */
  static ContainerStates recording(KubernetesClient client, String namespace, String container) {
    return new ContainerStates(client, namespace, container);
  }

  /** Waits until the container has waited for this reason, then answers every reason so far. */
  synchronized List<String> awaitReason(String reason) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!reasons.contains(reason)) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new IllegalStateException("no " + reason + " among " + reasons);
      }
      wait(left);
    }
    return List.copyOf(reasons);
  }

  /** The message the container first waited with for this reason, empty if there was none. */
  synchronized String firstMessage(String reason) {
    return firstMessages.getOrDefault(reason, "");
  }

  @Override
  public synchronized void eventReceived(Action action, Pod pod) {
    if (pod.getStatus() == null) {
      return;
    }
    Stream.concat(pod.getStatus().getInitContainerStatuses().stream(),
            pod.getStatus().getContainerStatuses().stream())
        .filter(status -> container.equals(status.getName()))
        .map(ContainerStates::waiting)
        .filter(Objects::nonNull)
        .forEach(this::record);
    notifyAll();
  }

  @Override
  public void onClose(WatcherException cause) {
    // The test closes the watch; nothing to recover.
  }

  @Override
  public void close() {
    watch.close();
  }

  private void record(ContainerStateWaiting waiting) {
    String reason = waiting.getReason();
    if (reasons.isEmpty() || !reasons.get(reasons.size() - 1).equals(reason)) {
      reasons.add(reason);
    }
    firstMessages.putIfAbsent(reason, Objects.requireNonNullElse(waiting.getMessage(), ""));
  }

  private static ContainerStateWaiting waiting(ContainerStatus status) {
    return status.getState() == null ? null : status.getState().getWaiting();
  }
}
