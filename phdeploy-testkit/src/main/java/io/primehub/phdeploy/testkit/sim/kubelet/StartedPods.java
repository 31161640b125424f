package io.primehub.phdeploy.testkit.sim.kubelet;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;

/**
 * The status the kubelet reports for a pod it has started and that became ready, for a cluster
 * that starts with running pods: the pod is run as the kubelet runs it, with every image present
 * and healthy, until all of its containers are ready.
 */
public final class StartedPods {

  private StartedPods() {}

  /**
   * The status of this pod, bound to a node of this address, once ready.
   *
   * @param podIp the pod's address
   * @param now when it started, which is also when it became ready
   * @throws IllegalArgumentException if the pod does not become ready, for example because an
   *     image name is invalid
   */
  public static PodStatus ready(Pod pod, String hostIp, String podIp, Instant now) {
    PodRun run = new PodRun(pod, now, podIp);
    Environment environment = new Environment(new ImageRegistry(() -> { }), new Images(() -> { }),
        new ModelStorage(() -> { }),
        pod.getSpec().getImagePullSecrets().stream().map(LocalObjectReference::getName).toList(),
        pod.getMetadata().getName(), (container, line) -> { });
    // One step per init container, one for the containers, as the kubelet's own steps go.
    for (int step = 0; step <= pod.getSpec().getInitContainers().size(); step++) {
      run.advance(environment, now);
    }
    if (!run.running() || !run.unready(now).isEmpty()) {
      throw new IllegalArgumentException("pod " + pod.getMetadata().getName()
          + " does not become ready: " + PodStatuses.of(pod, run, hostIp, now));
    }
    return PodStatuses.of(pod, run, hostIp, now);
  }
}
