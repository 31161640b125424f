package io.primehub.phdeploy.testkit.sim.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    this(pod.getSpec().getInitContainers().stream().map(c -> new ContainerRun(c, true)).toList(),
        pod.getSpec().getContainers().stream().map(c -> new ContainerRun(c, false)).toList(),
        startTime, podIp);
  }

  private PodRun(List<ContainerRun> initContainers, List<ContainerRun> containers,
      Instant startTime, String podIp) {
    this.initContainers = initContainers;
    this.containers = containers;
    this.startTime = startTime;
    this.podIp = podIp;
  }

  /**
   * The run of a pod that its status reports started and ready, as a restarted kubelet finds its
   * containers still running: every init container completed, every container running and
   * ready. Empty for any other pod, which is started afresh.
   */
  static Optional<PodRun> resume(Pod pod) {
    PodStatus status = pod.getStatus();
    if (status == null || status.getStartTime() == null || status.getPodIP() == null) {
      return Optional.empty();
    }
    Optional<List<ContainerRun>> init =
        resume(pod.getSpec().getInitContainers(), status.getInitContainerStatuses(), true);
    Optional<List<ContainerRun>> main =
        resume(pod.getSpec().getContainers(), status.getContainerStatuses(), false);
    return init.isEmpty() || main.isEmpty()
        ? Optional.empty()
        : Optional.of(new PodRun(init.get(), main.get(), Instant.parse(status.getStartTime()),
            status.getPodIP()));
  }

  private static Optional<List<ContainerRun>> resume(
      List<Container> specs, List<ContainerStatus> statuses, boolean init) {
    List<ContainerRun> runs = new ArrayList<>();
    for (Container spec : specs) {
      Optional<ContainerRun> run = statuses.stream()
          .filter(status -> spec.getName().equals(status.getName()))
          .findFirst()
          .flatMap(status -> ContainerRun.resume(spec, init, status));
      if (run.isEmpty()) {
        return Optional.empty();
      }
      runs.add(run.get());
    }
    return Optional.of(runs);
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
