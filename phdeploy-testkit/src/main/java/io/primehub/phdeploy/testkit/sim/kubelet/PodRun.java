package io.primehub.phdeploy.testkit.sim.kubelet;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod as the kubelet runs it: its init containers one after the other, then its containers
 * side by side, with the pod's start time and address.
 */
final class PodRun {

  private final List<ContainerRun> initContainers;
  private final List<ContainerRun> containers;
  private final Instant startTime;
  private final String podIp;

  PodRun(Pod pod, Instant startTime, String podIp) {
    this.initContainers =
        pod.getSpec().getInitContainers().stream().map(c -> new ContainerRun(c, true)).toList();
    this.containers =
        pod.getSpec().getContainers().stream().map(c -> new ContainerRun(c, false)).toList();
    this.startTime = startTime;
    this.podIp = podIp;
  }

  /**
   * Moves the pod one step on: its first unfinished init container, or once all are done, each
   * of its containers.
   *
   * @return the instants at which the clock makes something due
   */
  List<Instant> advance(Environment env, Instant now) {
    List<Instant> wakeups = new ArrayList<>();
    for (ContainerRun init : initContainers) {
      if (!init.completed()) {
        init.advance(env, now).ifPresent(wakeups::add);
        return wakeups;
      }
    }
    containers.forEach(container -> container.advance(env, now).ifPresent(wakeups::add));
    return wakeups;
  }

  boolean initialized() {
    return initContainers.stream().allMatch(ContainerRun::completed);
  }

  /** Whether every container has run, which makes the pod {@code Running} rather than pending. */
  boolean running() {
    return initialized() && containers.stream().allMatch(ContainerRun::hasStarted);
  }

  List<String> unready(Instant now) {
    return containers.stream().filter(c -> !c.ready(now)).map(ContainerRun::name).toList();
  }

  List<String> uninitialized() {
    return initContainers.stream().filter(c -> !c.completed()).map(ContainerRun::name).toList();
  }

  List<ContainerStatus> initContainerStatuses(Instant now) {
    return initContainers.stream().map(c -> c.status(now, "PodInitializing")).toList();
  }

  List<ContainerStatus> containerStatuses(Instant now) {
    String waiting = initialized() ? "ContainerCreating" : "PodInitializing";
    return containers.stream().map(c -> c.status(now, waiting)).toList();
  }

  Instant startTime() {
    return startTime;
  }

  String podIp() {
    return podIp;
  }
}
