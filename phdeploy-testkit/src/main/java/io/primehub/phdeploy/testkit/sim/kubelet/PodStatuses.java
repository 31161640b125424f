package io.primehub.phdeploy.testkit.sim.kubelet;

import io.fabric8.kubernetes.api.model.HostIPBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The status the kubelet reports for a pod it runs, with the conditions Kubernetes sets. */
final class PodStatuses {

  private PodStatuses() {}

  static PodStatus of(Pod pod, PodRun run, String hostIp, Instant now) {
    List<String> unready = run.unready(now);
    List<String> uninitialized = run.uninitialized();
    return new PodStatusBuilder()
        .withPhase(run.running() ? "Running" : "Pending")
        .withConditions(
            condition(pod, "Initialized", uninitialized, "ContainersNotInitialized",
                "containers with incomplete status: ", now),
            condition(pod, "Ready", unready, "ContainersNotReady",
                "containers with unready status: ", now),
            condition(pod, "ContainersReady", unready, "ContainersNotReady",
                "containers with unready status: ", now),
            condition(pod, "PodScheduled", List.of(), "", "", now))
        .withHostIP(hostIp)
        .withHostIPs(new HostIPBuilder().withIp(hostIp).build())
        .withPodIP(run.podIp())
        .withPodIPs(new PodIPBuilder().withIp(run.podIp()).build())
        .withStartTime(ContainerRun.time(run.startTime()))
        .withInitContainerStatuses(run.initContainerStatuses(now))
        .withContainerStatuses(run.containerStatuses(now))
        .build();
  }

  /**
   * A condition that is true when nothing is left pending; its transition time stays what it was
   * while its status does not change, as the kubelet keeps it.
   */
  private static PodCondition condition(
      Pod pod, String type, List<String> pending, String reason, String message, Instant now) {
    String status = pending.isEmpty() ? "True" : "False";
    String since = existing(pod, type)
        .filter(c -> status.equals(c.getStatus()))
        .map(PodCondition::getLastTransitionTime)
        .orElse(ContainerRun.time(now));
    PodConditionBuilder condition = new PodConditionBuilder()
        .withType(type).withStatus(status).withLastTransitionTime(since);
    return pending.isEmpty()
        ? condition.build()
        : condition.withReason(reason).withMessage(message + "[" + String.join(" ", pending) + "]")
            .build();
  }

  private static Optional<PodCondition> existing(Pod pod, String type) {
    return pod.getStatus() == null
        ? Optional.empty()
        : pod.getStatus().getConditions().stream()
            .filter(c -> type.equals(c.getType()))
            .findFirst();
  }
}
