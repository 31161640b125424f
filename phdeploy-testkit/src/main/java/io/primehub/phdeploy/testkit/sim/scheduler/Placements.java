package io.primehub.phdeploy.testkit.sim.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.primehub.phdeploy.core.quota.Resources;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import java.util.List;

/**
 * Places pods on nodes ahead of time, for a cluster that starts with pods already bound: each
 * where the scheduler would bind it. Remembers what it placed, so that the pods fill the nodes
 * together.
 */
public final class Placements {

  private final List<NodeSpec> nodes;
  private final NodeUsage usage = new NodeUsage();

  /** Placements on these nodes, empty to start with. */
  public Placements(List<NodeSpec> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /**
   * The node this pod goes to, counted as placed there.
   *
   * @throws IllegalStateException with the scheduler's message if it fits no node
   */
  public String place(Pod pod) {
    Resources requests = PodAmounts.requests(pod);
    NodeChoice choice = NodeChoice.of(pod, requests, nodes, usage);
    NodeSpec node = choice.node().orElseThrow(() -> new IllegalStateException("pod "
        + pod.getMetadata().getName() + " fits no node: " + FitError.message(choice.failures())));
    usage.assume(pod, node.name(), requests);
    return node.name();
  }
}
