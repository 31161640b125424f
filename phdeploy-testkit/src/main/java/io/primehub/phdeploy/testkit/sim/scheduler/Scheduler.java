package io.primehub.phdeploy.testkit.sim.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.primehub.phdeploy.core.quota.Resources;
import io.primehub.phdeploy.testkit.sim.nodes.Nodes;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated scheduler. A pending pod goes to the feasible node with the most free CPU, then
 * memory; a pod that fits no node stays {@code Pending} with {@code PodScheduled=False},
 * reason {@code Unschedulable} and the real scheduler's message, until room frees up. Like the
 * real one, it counts a pod it bound as placed before the binding shows in its cache, and it
 * keeps each node's usage from the pod events it is told of rather than adding it up anew.
 */
public final class Scheduler {

  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private static final String POD_SCHEDULED = "PodScheduled";

  private final KubernetesClient client;
  private final Clock clock;
  private final Nodes nodes;
  private final NodeUsage usage = new NodeUsage();

  /** A scheduler placing pods on these nodes and binding them with this client. */
  public Scheduler(KubernetesClient client, Clock clock, Nodes nodes) {
    this.client = client;
    this.clock = clock;
    this.nodes = nodes;
  }

  /** Learns of a pod its informer delivered, before it is asked to schedule anything it causes. */
  public void podChanged(Pod pod) {
    usage.podChanged(pod);
  }

  /** Learns of a deleted pod, before it is asked to schedule anything it causes. */
  public void podDeleted(Pod pod) {
    usage.podDeleted(pod);
  }

  /** Binds a pending pod to a node, or reports why none fits. */
  public void schedule(Pod pod) {
    Resources requests = PodAmounts.requests(pod);
    NodeChoice choice = NodeChoice.of(pod, requests, nodes.list(), usage);
    if (choice.node().isPresent()) {
      bind(pod, choice.node().get().name(), requests);
    } else {
      reportUnschedulable(pod, FitError.message(choice.failures()));
    }
  }

  private void bind(Pod pod, String nodeName, Resources requests) {
    LOG.debug("binding pod {} to {}", Cache.metaNamespaceKeyFunc(pod), nodeName);
    usage.assume(pod, nodeName, requests);
    client.pods().resource(pod).patch(
        PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"nodeName\":\"" + nodeName + "\"}}");
  }

  private void reportUnschedulable(Pod pod, String message) {
    Optional<PodCondition> current = pod.getStatus() == null
        ? Optional.empty()
        : pod.getStatus().getConditions().stream()
            .filter(c -> POD_SCHEDULED.equals(c.getType()))
            .findFirst();
    if (current.isPresent() && message.equals(current.get().getMessage())) {
      return;
    }
    LOG.debug("pod {} is unschedulable: {}", Cache.metaNamespaceKeyFunc(pod), message);
    PodCondition unschedulable = new PodConditionBuilder()
        .withType(POD_SCHEDULED)
        .withStatus("False")
        .withReason("Unschedulable")
        .withMessage(message)
        .withLastTransitionTime(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
        .build();
    PodStatus pending =
        new PodStatusBuilder().withPhase("Pending").withConditions(unschedulable).build();
    client.pods().resource(new PodBuilder(pod).withStatus(pending).build()).updateStatus();
  }

}
