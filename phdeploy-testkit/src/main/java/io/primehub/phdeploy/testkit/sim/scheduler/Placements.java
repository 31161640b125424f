package io.primehub.phdeploy.testkit.sim.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.primehub.phdeploy.core.quota.Resources;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places pods on nodes ahead of time, for a cluster that starts with pods already bound: each to
 * a node it fits as the scheduler checks it, the one with the most CPU left, then memory, as the
 * scheduler chooses. Remembers what it placed, so that the pods fill the nodes together.
 */
public final class Placements {

  private final List<NodeSpec> nodes;
  private final Map<String, Resources> used = new HashMap<>();
  private final Map<String, Integer> placed = new HashMap<>();

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
    List<NodeFit> failures = new ArrayList<>();
    NodeSpec best = null;
    for (NodeSpec node : nodes) {
      NodeFit fit = NodeFit.check(
          pod, requests, node, usedOn(node), placed.getOrDefault(node.name(), 0));
      if (!fit.fits()) {
        failures.add(fit);
      } else if (best == null || ROOMIER.compare(free(node), free(best)) > 0) {
        best = node;
      }
    }
    if (best == null) {
      throw new IllegalStateException("pod " + pod.getMetadata().getName() + " fits no node: "
          + FitError.message(failures));
    }
    used.put(best.name(), usedOn(best).plus(requests));
    placed.merge(best.name(), 1, Integer::sum);
    return best.name();
  }

  private static final Comparator<Resources> ROOMIER =
      Comparator.comparingLong(Resources::cpuMillis).thenComparingLong(Resources::memoryBytes);

  private Resources usedOn(NodeSpec node) {
    return used.getOrDefault(node.name(), Resources.ZERO);
  }

  private Resources free(NodeSpec node) {
    return node.allocatable().minus(usedOn(node));
  }
}
