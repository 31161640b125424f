package io.primehub.phdeploy.testkit.sim.kubelet;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.testkit.server.PodLogs;
import io.primehub.phdeploy.testkit.sim.nodes.Nodes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet of every simulated node: runs the pods bound to a node, pulling their images,
 * running their init containers then their containers, restarting crashed ones with back-off,
 * and reports what happens in the pod's status, through the status subresource. Each call moves
 * a pod one step on; the status write it makes brings the next call.
 */
public final class Kubelet {

  private static final Logger LOG = LoggerFactory.getLogger(Kubelet.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final Nodes nodes;
  private final ImageRegistry registry;
  private final Images images;
  private final ModelStorage storage;
  private final PodLogs logs;
  private final Map<String, PodRun> runs = new ConcurrentHashMap<>();
  private final AtomicInteger podAddresses = new AtomicInteger();

  /** A kubelet for these nodes, writing with this client and stamping times from this clock. */
  public Kubelet(
      KubernetesClient client, Clock clock, Nodes nodes, ImageRegistry registry, Images images,
      ModelStorage storage, PodLogs logs) {
    this.client = client;
    this.clock = clock;
    this.nodes = nodes;
    this.registry = registry;
    this.images = images;
    this.storage = storage;
    this.logs = logs;
  }

  /**
   * Moves a pod bound to a node one step on and reports its status if that changed.
   *
   * @return the instants at which the clock makes something of the pod due
   */
  public List<Instant> sync(Pod pod) {
    String nodeName = pod.getSpec().getNodeName();
    Optional<String> hostIp = nodes.internalIp(nodeName);
    if (hostIp.isEmpty()) {
      LOG.debug("pod {} is bound to {}, which is no node of this cluster", name(pod), nodeName);
      return List.of();
    }
    Instant now = clock.instant();
    // A pod already running when the kubelet first sees it (a cluster restored with its pods)
    // goes on running; any other starts.
    PodRun run = runs.computeIfAbsent(pod.getMetadata().getUid(),
        uid -> PodRun.resume(pod).orElseGet(() -> new PodRun(pod, now, nextPodIp())));
    List<Instant> wakeups = run.advance(environment(pod), now);
    PodStatus status = PodStatuses.of(pod, run, hostIp.get(), now);
    if (!status.equals(pod.getStatus())) {
      LOG.debug("pod {} on {}: {}", name(pod), nodeName, status.getPhase());
      client.pods().resource(new PodBuilder(pod).withStatus(status).build()).updateStatus();
    }
    return wakeups;
  }

  /** Forgets a pod that was deleted. */
  public void forget(Pod pod) {
    runs.remove(pod.getMetadata().getUid());
  }

  private Environment environment(Pod pod) {
    List<String> pullSecrets = pod.getSpec().getImagePullSecrets().stream()
        .map(LocalObjectReference::getName)
        .toList();
    String namespace = pod.getMetadata().getNamespace();
    String podName = pod.getMetadata().getName();
    return new Environment(registry, images, storage, pullSecrets, podName,
        (container, line) -> logs.append(namespace, podName, container, line));
  }

  private String nextPodIp() {
    int n = podAddresses.getAndIncrement();
    return "10.244." + (n / 250 % 256) + "." + (n % 250 + 2);
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
